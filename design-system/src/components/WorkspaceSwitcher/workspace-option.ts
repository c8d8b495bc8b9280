/** A workspace as the switcher lists it. */
export interface WorkspaceOption {
  id: string;
  name: string;
  /** Second line, such as the plan or member count. */
  detail?: string;
  avatarUrl?: string;
}
