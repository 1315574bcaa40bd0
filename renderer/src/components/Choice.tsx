import { useRef, useState, type ReactNode } from 'react';
import { useReadOnly } from './read-only';
import { Button, FieldError, Label, ListBox, ListBoxItem, Popover, Select, SelectValue, type Key } from 'react-aria-components';

/** A labelled choice of one of a fixed list of words, as a react-aria select. */
export function Choice<T extends string>({
  label,
  name,
  options,
  labels,
  value,
  onChange,
}: {
  label: string;
  name: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <Select name={name} className="field" selectedKey={value} onSelectionChange={(key: Key | null) => key && onChange(key as T)}>
      <Label>{label}</Label>
      <Button className="select-button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </Button>
      <FieldError className="field-error" />
      <Popover className="popover">
        <ListBox className="listbox">
          {options.map((option) => (
            <ListBoxItem key={option} id={option} className="listbox-item">
              {labels[option]}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}

/** A labelled choice of any number of options; nothing chosen means "any". */
export function MultiChoice({
  label,
  options,
  value,
  onChange,
  anyLabel = 'Any',
}: {
  label: string;
  options: readonly { id: string; label: string }[];
  value: string[];
  onChange: (value: string[]) => void;
  anyLabel?: string;
}) {
  return (
    <Select
      className="field filter-field"
      selectionMode="multiple"
      value={value}
      onChange={(keys) => onChange(keys.map(String))}
      placeholder={anyLabel}
    >
      <Label>{label}</Label>
      <Button className="select-button">
        <SelectValue className="select-value" />
        <span aria-hidden="true">▾</span>
      </Button>
      <Popover className="popover">
        <ListBox className="listbox" items={options}>
          {(option) => (
            <ListBoxItem id={option.id} className="listbox-item listbox-item-check" textValue={option.label}>
              {({ isSelected }) => (
                <>
                  <span className="check" aria-hidden="true">
                    {isSelected ? '✓' : ''}
                  </span>
                  {option.label}
                </>
              )}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}

/**
 * A compact choice inside a table cell; its label is read by assistive technology only. Until it
 * is used it is a plain button, because a full select in every row of a long table makes each
 * redraw of the table several times slower.
 */
export function InlineChoice<T extends string>({
  label,
  options,
  labels,
  value,
  onChange,
  isDisabled,
  renderOption,
}: {
  label: string;
  options: readonly T[];
  labels: Record<T, string>;
  value: T;
  onChange: (value: T) => void;
  isDisabled?: boolean;
  /** How an option shows, when more than its words (a RAG as its badge); read by its words. */
  renderOption?: (option: T) => ReactNode;
}) {
  const [editing, setEditing] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const readOnly = useReadOnly();
  const shown = renderOption ? renderOption(value) : labels[value];
  if (!editing) {
    return (
      <Button ref={trigger} className="inline-choice-button" aria-label={`${label}: ${labels[value]}`} isDisabled={isDisabled || readOnly} onPress={() => setEditing(true)}>
        {shown}
        <span aria-hidden="true">▾</span>
      </Button>
    );
  }
  return (
    <Select
      aria-label={label}
      className="inline-choice"
      selectedKey={value}
      defaultOpen
      onOpenChange={(open) => {
        if (!open) {
          setEditing(false);
          // The select's own button goes away with it; focus goes back to the cell's button.
          requestAnimationFrame(() => trigger.current?.focus());
        }
      }}
      onSelectionChange={(key: Key | null) => key && key !== value && onChange(key as T)}
    >
      <Button className="inline-choice-button" autoFocus>
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </Button>
      <Popover className="popover">
        <ListBox className="listbox">
          {options.map((option) => (
            <ListBoxItem key={option} id={option} className="listbox-item" textValue={labels[option]}>
              {renderOption ? renderOption(option) : labels[option]}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  );
}
