export { importInvitation, type ImportOptions, type ImportResult } from './importInvitation';
export { formatImportReport, type ImportReport, type ReportEntry } from './report';
