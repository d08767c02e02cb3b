import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import {
  backupFileName,
  BACKUP_VERSION,
  importBackup,
  MAX_BACKUP_BYTES,
  serializeBackup,
  type BackupFile,
  type BackupProblem,
  type Expected,
  type ImportWriter,
} from '../../settings/backup';
import type { Settings } from '../../settings/settings';

/** What the data section reads and does outside itself. */
export interface DataSources {
  /** Everything an export holds, read from storage and IndexedDB. */
  collectBackup(now: Date): Promise<BackupFile>;
  /** Hands a text to the browser as a downloaded file. */
  saveFile(fileName: string, text: string): void;
  /** What an imported settings value is repaired against. */
  defaults: Settings;
  /** Where a checked import is written. */
  writer: ImportWriter;
  /** Asks the background to erase everything; resolves once it is done. */
  eraseAll(): Promise<void>;
}

/** What one action last said: progress and success are announced politely, errors as alerts. */
type Status = { kind: 'none' } | { kind: 'busy' | 'done' | 'error'; text: string };
const NONE: Status = { kind: 'none' };

function StatusLine({ status, name }: { status: Status; name: string }) {
  // The live region is always there, so screen readers hear what appears in it.
  return (
    <>
      <p aria-live="polite" data-status={name}>
        {status.kind === 'busy' || status.kind === 'done' ? status.text : ''}
      </p>
      {status.kind === 'error' && (
        <p role="alert" class="error" data-error={name}>
          {status.text}
        </p>
      )}
    </>
  );
}

const EXPECTED_TEXT: Record<Expected, () => string> = {
  object: () => t('optionsDataExpectObject'),
  array: () => t('optionsDataExpectArray'),
  string: () => t('optionsDataExpectString'),
  number: () => t('optionsDataExpectNumber'),
  boolean: () => t('optionsDataExpectBoolean'),
  key: () => t('optionsDataExpectKey'),
  date: () => t('optionsDataExpectDate'),
  'at-most': () => t('optionsDataExpectAtMost'),
};

/** Says what is wrong with a refused file, and that nothing changed. */
export function problemText(problem: BackupProblem): string {
  switch (problem.kind) {
    case 'too-large':
      return t('optionsDataErrorTooLarge', String(Math.round(problem.maxBytes / (1024 * 1024))));
    case 'not-json':
      return t('optionsDataErrorNotJson');
    case 'not-export':
      return t('optionsDataErrorNotExport');
    case 'newer-version':
      return t('optionsDataErrorNewer', [String(problem.version), String(BACKUP_VERSION)]);
    case 'wrong-field':
      return t('optionsDataErrorField', [problem.field, EXPECTED_TEXT[problem.expected]()]);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function DataSection({ sources }: { sources: DataSources }) {
  const [exportStatus, setExportStatus] = useState<Status>(NONE);
  const [importStatus, setImportStatus] = useState<Status>(NONE);
  const [eraseStatus, setEraseStatus] = useState<Status>(NONE);
  const [confirming, setConfirming] = useState(false);
  // Cancelling puts the focus back on the button that asked, not on the page's top.
  const eraseButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const [refocusErase, setRefocusErase] = useState(false);
  useEffect(() => {
    if (!refocusErase) return;
    eraseButton.current?.focus();
    setRefocusErase(false);
  }, [refocusErase]);
  // The question starts on "cancel", the safe answer to a key pressed by habit.
  useEffect(() => {
    if (confirming) cancelButton.current?.focus();
  }, [confirming]);
  function cancelErase() {
    setConfirming(false);
    setRefocusErase(true);
  }
  const busy = [exportStatus, importStatus, eraseStatus].some((s) => s.kind === 'busy');

  async function exportData() {
    setExportStatus({ kind: 'busy', text: t('optionsDataExporting') });
    try {
      const now = new Date();
      const backup = await sources.collectBackup(now);
      const fileName = backupFileName(now);
      sources.saveFile(fileName, serializeBackup(backup));
      const counts = [fileName, backup.favourites.length, backup.seen.length, backup.alerts.length].map(String);
      setExportStatus({ kind: 'done', text: t('optionsDataExported', counts) });
    } catch (error) {
      setExportStatus({ kind: 'error', text: t('optionsDataExportFailed', messageOf(error)) });
    }
  }

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    if (!file) return;
    setImportStatus({ kind: 'busy', text: t('optionsDataImporting') });
    try {
      const result = await importBackup(file, sources.defaults, sources.writer);
      if (!result.ok) {
        setImportStatus({ kind: 'error', text: problemText(result.problem) });
        return;
      }
      const { alerts, favourites, seen, jobPostingSites } = result.summary;
      const done = t('optionsDataImported', [String(alerts), String(favourites), String(seen)]);
      setImportStatus({ kind: 'done', text: jobPostingSites > 0 ? `${done} ${t('optionsDataImportedSites', String(jobPostingSites))}` : done });
    } catch (error) {
      setImportStatus({ kind: 'error', text: t('optionsDataImportFailed', messageOf(error)) });
    } finally {
      // The same file chosen again (after fixing it) fires `change` again.
      input.value = '';
    }
  }

  async function eraseAll() {
    setConfirming(false);
    setEraseStatus({ kind: 'busy', text: t('optionsDataErasing') });
    try {
      await sources.eraseAll();
      setEraseStatus({ kind: 'done', text: t('optionsDataErased') });
    } catch (error) {
      setEraseStatus({ kind: 'error', text: t('optionsDataEraseFailed', messageOf(error)) });
    } finally {
      // The confirmation that had the focus is gone: back to the button, enabled again.
      setRefocusErase(true);
    }
  }

  return (
    <section class="options__section" aria-labelledby="options-data" data-section="data">
      <h2 id="options-data">{t('optionsDataTitle')}</h2>
      <p class="options__hint">{t('optionsDataIntro')}</p>

      <h3>{t('optionsDataExportTitle')}</h3>
      <div class="options__row">
        <button type="button" data-action="export" disabled={busy} onClick={() => void exportData()}>
          {t('optionsDataExport')}
        </button>
      </div>
      <StatusLine status={exportStatus} name="export" />

      <h3>{t('optionsDataImportTitle')}</h3>
      <div class="options__row">
        <label>
          {t('optionsDataImportLabel')}
          <input type="file" accept=".json,application/json" data-action="import" disabled={busy} onChange={(event) => void importFile(event.currentTarget as HTMLInputElement)} />
        </label>
      </div>
      <p class="options__hint">{t('optionsDataImportHint', String(MAX_BACKUP_BYTES / (1024 * 1024)))}</p>
      <StatusLine status={importStatus} name="import" />

      <h3>{t('optionsDataEraseTitle')}</h3>
      <p class="options__hint">{t('optionsDataEraseHint')}</p>
      {confirming ? (
        // Keyed apart: Preact must not turn the clicked "erase" button into "yes, erase" (a double click would confirm).
        <div
          key="confirm"
          class="options__row"
          role="group"
          aria-labelledby="options-data-erase-question"
          onKeyDown={(event) => {
            if (event.key === 'Escape') cancelErase();
          }}
        >
          <p id="options-data-erase-question">
            <strong>{t('optionsDataEraseQuestion')}</strong>
          </p>
          <button type="button" data-action="erase-confirm" onClick={() => void eraseAll()}>
            {t('optionsDataEraseConfirm')}
          </button>
          <button type="button" data-action="erase-cancel" ref={cancelButton} onClick={cancelErase}>
            {t('optionsDataEraseCancel')}
          </button>
        </div>
      ) : (
        <div key="ask" class="options__row">
          <button type="button" ref={eraseButton} data-action="erase" disabled={busy} onClick={() => setConfirming(true)}>
            {t('optionsDataErase')}
          </button>
        </div>
      )}
      <StatusLine status={eraseStatus} name="erase" />
    </section>
  );
}
