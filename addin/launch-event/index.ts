// The Outlook event runtime entry: one bundle, no imports at run time, no DOM. Classic Outlook on Windows runs it in a
// JavaScript-only runtime where Office.onReady is not called, so the handlers are associated at top level.
import { completion, onMessageSend, onRecipientsChanged, type SendEvent } from './handlers';
import { cannotCheck } from '../../shared/client/failure';
import { defaultPolicy } from '../../shared/config/policy';

declare const Office: { actions: { associate(name: string, fn: (event: SendEvent) => void): void } };

function guarded(run: (event: SendEvent) => Promise<void>): (event: SendEvent) => void {
  return (event) => {
    run(event).catch(() => event.completed(completion(cannotCheck('core-error', defaultPolicy()), 'fr')));
  };
}

Office.actions.associate('onMessageSendHandler', guarded(onMessageSend));
Office.actions.associate('onAppointmentSendHandler', guarded(onMessageSend));
Office.actions.associate('onMessageRecipientsChangedHandler', guarded(onRecipientsChanged));
