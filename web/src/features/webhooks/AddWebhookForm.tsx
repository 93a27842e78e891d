/** Subscribes a URL to events (checkboxes); the API's problems show next to their field. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.js';
import type { WebhookWithSecret } from '../../api/types.js';
import { focusFirstProblem, formProblems, NO_PROBLEMS, type FormProblems } from '../common/field-problems.js';
import { WEBHOOK_EVENTS } from './webhook-events.js';

const FIELDS = ['url', 'events', 'description'] as const;

export const AddWebhookForm = ({ slug, onCreated }: { slug: string; onCreated: (hook: WebhookWithSecret) => void }) => {
  const { t } = useTranslation();
  const id = useId();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<string[]>([...WEBHOOK_EVENTS]);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setProblems(NO_PROBLEMS);
    try {
      const hook = await api.createWebhook(slug, { url: url.trim(), events, ...(description.trim() === '' ? {} : { description: description.trim() }) });
      setUrl('');
      setDescription('');
      setEvents([...WEBHOOK_EVENTS]);
      onCreated(hook);
    } catch (err) {
      const found = formProblems(err, FIELDS);
      setProblems(found);
      focusFirstProblem(found, FIELDS, id);
    } finally {
      setBusy(false);
    }
  };
  const { url: urlProblem, events: eventsProblem, description: descriptionProblem } = problems.fields;
  return (
    <form className="card webhook-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('webhooks.add.title')}</h2>
      <div className="field">
        <label htmlFor={`${id}-url`}>{t('webhooks.add.url')}</label>
        <input id={`${id}-url`} type="url" required maxLength={2048} placeholder="https://" value={url} onChange={(e) => setUrl(e.target.value)}
          aria-invalid={urlProblem !== undefined} aria-describedby={`${id}-hint${urlProblem === undefined ? '' : ` ${id}-url-problem`}`} />
        <p id={`${id}-hint`} className="hint">{t('webhooks.add.urlHint')}</p>
        {urlProblem !== undefined && <p id={`${id}-url-problem`} className="field-problem" role="alert">{urlProblem}</p>}
      </div>
      <fieldset className="scope-choices">
        <legend>{t('webhooks.add.events')}</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event} className="checkbox">
            <input type="checkbox" name="events" value={event} checked={events.includes(event)}
              onChange={(e) => setEvents(WEBHOOK_EVENTS.filter((x) => (x === event ? e.target.checked : events.includes(x))))} />
            <span><code>{event}</code> {t(`webhooks.event.${event.replace('.', '_')}`)}</span>
          </label>
        ))}
        <p className="hint">{t('webhooks.add.eventsHint')}</p>
        {eventsProblem !== undefined && <p className="field-problem" role="alert">{eventsProblem}</p>}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t('webhooks.add.description')}</label>
        <input id={`${id}-description`} type="text" maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)}
          aria-invalid={descriptionProblem !== undefined} aria-describedby={descriptionProblem === undefined ? undefined : `${id}-description-problem`} />
        {descriptionProblem !== undefined && <p id={`${id}-description-problem`} className="field-problem" role="alert">{descriptionProblem}</p>}
      </div>
      {problems.other !== null && <p className="field-problem" role="alert">{problems.other}</p>}
      <div>
        <button type="submit" className="button button--primary" disabled={busy || url.trim() === '' || events.length === 0}>{t('webhooks.add.submit')}</button>
      </div>
    </form>
  );
};
