import '../src/styles.css';
import './reduced-motion.css';
