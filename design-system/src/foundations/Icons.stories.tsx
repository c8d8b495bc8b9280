import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  Activity,
  ArrowDown,
  ArrowUp,
  ArrowUpDown,
  Bell,
  Building2,
  Check,
  ChevronDown,
  ChevronLeft,
  ChevronRight,
  ChevronsUpDown,
  CircleAlert,
  CircleCheck,
  Copy,
  Eye,
  EyeOff,
  Info,
  KeyRound,
  LayoutDashboard,
  LogOut,
  Menu,
  Minus,
  PanelLeftClose,
  PanelLeftOpen,
  Plus,
  ScrollText,
  Search,
  Settings,
  Shield,
  Trash2,
  TriangleAlert,
  User,
  UserPlus,
  Users,
  X,
  type LucideIcon,
} from 'lucide-react';
import { expect, within } from 'storybook/test';
import styles from './Foundations.module.css';

/** The icons the components ship with; applications import others from lucide-react the same way. */
const usedIcons: Record<string, LucideIcon> = {
  Activity,
  ArrowDown,
  ArrowUp,
  ArrowUpDown,
  Bell,
  Building2,
  Check,
  ChevronDown,
  ChevronLeft,
  ChevronRight,
  ChevronsUpDown,
  CircleAlert,
  CircleCheck,
  Copy,
  Eye,
  EyeOff,
  Info,
  KeyRound,
  LayoutDashboard,
  LogOut,
  Menu,
  Minus,
  PanelLeftClose,
  PanelLeftOpen,
  Plus,
  ScrollText,
  Search,
  Settings,
  Shield,
  Trash2,
  TriangleAlert,
  User,
  UserPlus,
  Users,
  X,
};

function IconGallery() {
  return (
    <div className={styles.page}>
      <p className={styles.intro}>
        Icons come from lucide-react and are imported one by one, so bundles keep only those used. They are
        decorative (<code>aria-hidden</code>); the control around them carries the name.
      </p>
      <ul className={styles.iconGrid} aria-label="Icons">
        {Object.entries(usedIcons).map(([name, Icon]) => (
          <li key={name} className={styles.iconCell}>
            <Icon aria-hidden />
            <code>{name}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}

const meta = {
  title: 'Foundations/Icons',
  component: IconGallery,
  tags: ['!autodocs'],
} satisfies Meta<typeof IconGallery>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Gallery: Story = {
  play: async ({ canvasElement }) => {
    const list = within(canvasElement).getByRole('list', { name: 'Icons' });
    await expect(list.querySelectorAll('svg')).toHaveLength(Object.keys(usedIcons).length);
  },
};
