import type { FormEvent, ReactNode } from 'react';
import { Button, Dialog, DialogTrigger, Form, Heading, Modal } from 'react-aria-components';
import { ErrorNotice } from './Page';
import { useReadOnly } from './read-only';
import { useServerErrors } from './server-errors';

interface FormDialogProps {
  trigger: string;
  triggerClassName?: string;
  /** The accessible name of the trigger when its visible text is short, such as "Edit". */
  triggerLabel?: string;
  title: string;
  submitLabel: string;
  mutation: { error: Error | null; reset(): void; isPending: boolean };
  /** Further buttons beside the submit button. */
  extraActions?: ReactNode;
  /** Called when the dialog closes, saved or not. */
  onClose?: () => void;
  /** Called with the form's data and a function that closes the dialog once saved. */
  onSubmit: (form: FormData, close: () => void) => void;
  children: ReactNode;
}

/** A form in a modal dialog: focus moves in and back, Escape cancels, the services' field errors show at the fields. */
export function FormDialog(props: FormDialogProps) {
  const readOnly = useReadOnly();
  const { error, fieldErrors, hasFieldErrors, clearOnInput } = useServerErrors(props.mutation);
  // A superseded version is kept as it was: no form to change it is offered.
  if (readOnly) return null;
  return (
    <DialogTrigger
      onOpenChange={(open) => {
        if (!open) {
          props.mutation.reset();
          props.onClose?.();
        }
      }}
    >
      <Button className={props.triggerClassName ?? 'button'} aria-label={props.triggerLabel}>
        {props.trigger}
      </Button>
      <Modal className="modal" isDismissable>
        <Dialog className="dialog">
          {({ close }) => (
            <>
              <Heading slot="title">{props.title}</Heading>
              {error && !hasFieldErrors ? <ErrorNotice error={error} title="Nothing was saved" /> : null}
              <div onInput={clearOnInput}>
                <Form
                  className="form"
                  validationErrors={fieldErrors}
                  validationBehavior="aria"
                  onSubmit={(event: FormEvent<HTMLFormElement>) => {
                    event.preventDefault();
                    props.onSubmit(new FormData(event.currentTarget), close);
                  }}
                >
                  {props.children}
                  <div className="form-actions">
                    <Button type="submit" className="button button-primary" isDisabled={props.mutation.isPending}>
                      {props.submitLabel}
                    </Button>
                    <Button className="button" slot="close">
                      Cancel
                    </Button>
                  </div>
                </Form>
              </div>
            </>
          )}
        </Dialog>
      </Modal>
    </DialogTrigger>
  );
}

/** The text of a form field, or undefined when left empty. */
export function formText(form: FormData, name: string): string | undefined {
  const value = String(form.get(name) ?? '').trim();
  return value === '' ? undefined : value;
}

/**
 * Asks before removing a record. The small trigger reads "Remove" (or "Delete") on screen and
 * names the record to assistive technology; the dialog says what follows from the removal.
 */
export function RemoveDialog(props: {
  verb?: 'Remove' | 'Delete';
  /** The record, as it follows the verb: "the milestone: Appoint a principal social worker". */
  what: string;
  /** The question, where it reads better than "Remove …?". */
  title?: string;
  submitLabel: string;
  mutation: FormDialogProps['mutation'];
  /** Makes the removal, closing the dialog once it is saved. */
  onRemove: (close: () => void) => void;
  children: ReactNode;
}) {
  const verb = props.verb ?? 'Remove';
  return (
    <FormDialog
      trigger={verb}
      triggerClassName="button button-small"
      triggerLabel={`${verb} ${props.what}`}
      title={props.title ?? `${verb} ${props.what}?`}
      submitLabel={props.submitLabel}
      mutation={props.mutation}
      onSubmit={(_form, close) => props.onRemove(close)}
    >
      {props.children}
    </FormDialog>
  );
}
