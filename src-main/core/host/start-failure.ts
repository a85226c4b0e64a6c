// Why the kiosk did not start, as one plain paragraph for the technician at the screen or in the
// service log: which file or folder, what is wrong with it, and what to do. A stack trace helps no
// one at a customer office, and a kiosk that half-starts (it serves the start screen, then answers
// every login with «internal error») is worse than one that says plainly why it stopped.
import { ConfigError } from '../config/kiosk-config';
import { DatabaseTooNewError, StoreUnusableError } from '../store/database';

/** What the hosts know about where the kiosk keeps its files, to name them in the paragraph. */
export interface StartContext {
  dataDir: string;
  configFile: string;
}

const CALL_SUPPORT = 'Если это не помогло, обратитесь в службу поддержки МУП УИС.';

interface SystemError extends Error {
  code?: string;
  path?: string;
}

/** The paragraph for `error`; always one paragraph, never a stack trace. */
export function explainStartFailure(error: unknown, context: StartContext): string {
  if (error instanceof ConfigError || error instanceof DatabaseTooNewError) return oneParagraph(error.message);
  if (error instanceof StoreUnusableError) return oneParagraph(explainStore(error));
  const system = error as SystemError;
  const where = system.path ?? context.dataDir;
  switch (system.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return diskFull(where);
    case 'EROFS':
      return oneParagraph(
        `Терминал не запущен: папка ${where} находится на диске, доступном только для чтения, а терминалу нужно записывать в папку данных ${context.dataDir}. ` +
          `Сотруднику: проверьте, что диск подключён для записи, или укажите другую папку в KIOSK_DATA_DIR, и запустите терминал снова. ${CALL_SUPPORT}`,
      );
    case 'EACCES':
    case 'EPERM':
      return oneParagraph(
        `Терминал не запущен: нет права записи в ${where}. Папка данных ${context.dataDir} должна принадлежать пользователю, от имени которого работает терминал. ` +
          `Сотруднику: исправьте владельца папки (chown) или укажите другую папку в KIOSK_DATA_DIR, и запустите терминал снова. ${CALL_SUPPORT}`,
      );
    case 'ENOENT':
    case 'ENOTDIR':
      return oneParagraph(
        `Терминал не запущен: не найдена папка или файл ${where}. Сотруднику: проверьте путь в KIOSK_DATA_DIR и KIOSK_CONFIG (сейчас ${context.dataDir} и ${context.configFile}) и запустите терминал снова. ${CALL_SUPPORT}`,
      );
    default: {
      const reason = error instanceof Error ? error.message : String(error);
      return oneParagraph(
        `Терминал не запущен из-за непредвиденной ошибки: ${reason}. Папка данных: ${context.dataDir}. ` +
          `Сотруднику: перезапустите терминал; подробности записаны в журнал ${context.dataDir}/logs/kiosk.log, если он доступен. ${CALL_SUPPORT}`,
      );
    }
  }
}

function explainStore(error: StoreUnusableError): string {
  switch (error.reason) {
    case 'not-a-database':
      return (
        `Терминал не запущен: файл ${error.file} повреждён или не является базой данных терминала. Терминал его не изменял и не удалит. ` +
        `Сотруднику: не удаляйте файл — в нём могут быть показания и обращения, ещё не доставленные в расчётный центр. Сохраните его копию и обратитесь в службу поддержки МУП УИС; ` +
        `чтобы терминал работал до восстановления, укажите новую пустую папку в KIOSK_DATA_DIR.`
      );
    case 'disk-full':
      return diskFullText(error.file);
    case 'read-only':
      return (
        `Терминал не запущен: файл ${error.file} доступен только для чтения. ` +
        `Сотруднику: проверьте, что диск подключён для записи и файл принадлежит пользователю терминала, и запустите терминал снова. ${CALL_SUPPORT}`
      );
    case 'cannot-open':
      return (
        `Терминал не запущен: не удалось открыть файл ${error.file} (${error.cause instanceof Error ? error.cause.message : String(error.cause)}). ` +
        `Сотруднику: проверьте папку и права на неё и запустите терминал снова. ${CALL_SUPPORT}`
      );
  }
}

function diskFull(where: string): string {
  return oneParagraph(diskFullText(where));
}

function diskFullText(where: string): string {
  return (
    `Терминал не запущен: на диске с ${where} не осталось свободного места, а без записи на диск терминал не может принимать показания и обращения. ` +
    `Данные терминала не изменены. Сотруднику: освободите место на диске (например, удалите старые файлы вне папки терминала) и запустите терминал снова. ${CALL_SUPPORT}`
  );
}

/** Messages written over several lines or with stray whitespace still come out as one paragraph. */
function oneParagraph(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
