// Component tests render outside Storybook, so they load the same global stylesheet a consumer imports.
import '../src/styles.css';
