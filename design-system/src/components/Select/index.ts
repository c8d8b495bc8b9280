export { NativeSelect, type NativeSelectProps } from './NativeSelect';
export { Select, type SelectOption, type SelectProps } from './Select';
