import { FormField, TextField } from '@bastion/design-system';
import { Search } from 'lucide-react';
import type { CursorPages } from './use-cursor-pages';

interface ListSearchFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** The list's paging, sent back to its first page whenever the search changes. */
  pages: CursorPages;
  placeholder?: string;
}

/** The search box above a paged list: a new search starts again from the first page. */
export function ListSearchField({
  label,
  value,
  onChange,
  pages,
  placeholder = 'Name or email',
}: ListSearchFieldProps) {
  return (
    <FormField label={label}>
      <TextField
        type="search"
        leadingIcon={<Search />}
        placeholder={placeholder}
        value={value}
        onChange={(event) => {
          onChange(event.target.value);
          pages.reset();
        }}
      />
    </FormField>
  );
}
