export * from './tokens';
export { contrastRatio, relativeLuminance } from './contrast';
