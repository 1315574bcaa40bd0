import type { FormEvent, ReactNode } from 'react';
import { Button, Dialog, DialogTrigger, Form, Heading, Modal } from 'react-aria-components';
import { ContractError } from '../client/client';
import { ErrorNotice } from './Page';

interface FormDialogProps {
  trigger: string;
  triggerClassName?: string;
  /** The accessible name of the trigger when its visible text is short, such as "Edit". */
  triggerLabel?: string;
  title: string;
  submitLabel: string;
  error: Error | null;
  pending: boolean;
  onOpenChange?: (open: boolean) => void;
  /** Called with the form's data and a function that closes the dialog once saved. */
  onSubmit: (form: FormData, close: () => void) => void;
  children: ReactNode;
}

/** A form in a modal dialog: focus moves in and back, Escape cancels, the services' field errors show at the fields. */
export function FormDialog(props: FormDialogProps) {
  const contractError = props.error instanceof ContractError ? props.error : null;
  const fieldErrors = Object.fromEntries((contractError?.body.details.fields ?? []).map((field) => [field.path, field.message]));
  return (
    <DialogTrigger onOpenChange={props.onOpenChange}>
      <Button className={props.triggerClassName ?? 'button'} aria-label={props.triggerLabel}>
        {props.trigger}
      </Button>
      <Modal className="modal" isDismissable>
        <Dialog className="dialog">
          {({ close }) => (
            <>
              <Heading slot="title">{props.title}</Heading>
              {props.error && Object.keys(fieldErrors).length === 0 ? <ErrorNotice error={props.error} title="Nothing was saved" /> : null}
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
                  <Button type="submit" className="button button-primary" isDisabled={props.pending}>
                    {props.submitLabel}
                  </Button>
                  <Button className="button" slot="close">
                    Cancel
                  </Button>
                </div>
              </Form>
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
