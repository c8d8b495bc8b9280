// The confirmation dialog on its own, for screens that load it on demand: importing the design
// system's entry dynamically would keep every component in that chunk.
export { ConfirmDialog } from '@bastion/design-system';
