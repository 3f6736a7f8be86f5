/** The Outlook host: everything in Samråd that touches Office.js. */
export { fromCallback } from './fromCallback';
export { createOutlookDocumentMemory, createOutlookHintStore, HINT_SETTING, MAX_HINTS, type HintStore } from './hintStore';
export { createOutlookTokenProvider, nestedAppAuthSupported, type OutlookSignInOptions } from './nestedAppAuth';
export { officeFromGlobal, type OfficeApi } from './officeApi';
export {
  createOutlookHost,
  languageOfDisplayLanguage,
  type ItemIdOptions,
  type OutlookHost,
  type OutlookHostOptions,
  type OutlookMode,
} from './outlookHost';
export { isOutlookHostError, OutlookHostError, type OfficeErrorDetails, type OutlookHostErrorReason } from './outlookHostError';
export { DialogError, openSignInDialog, runOutlookSignInDialog, sendToPane, type SignInDialogOptions } from './signInDialog';
export { readOfficeTheme, relativeLuminance, type OfficeThemeColors } from './theme';
export { waitForOffice, type OutlookReady, type WaitOptions } from './waitForOffice';
