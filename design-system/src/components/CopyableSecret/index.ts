export { CopyableSecret, type CopyableSecretProps } from './CopyableSecret';
