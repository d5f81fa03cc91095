// The upload core: plain Node (global fetch), shared by the VS Code client and the CLI.
export { upload, previewUpload, DEFAULT_TIMEOUT_MS, type UploadOptions, type PreviewResult } from './upload';
export { describeChange, summarizePlan, type PlannedChange, type UploadPlan } from './uploadPlan';
export type { UploadResult, UploadSuccess, UploadFailure, FailureKind, CreatedResources, CreatedCompetition } from './result';
export { createMemoryTokenStore, type CredentialsProvider, type LoginCredentials, type TokenStore } from './auth';
export { resolveServer, type ServerChoice, type UploadApi, type ResolvedServer } from './servers';
export type { DocumentPath, FieldError } from './errors';
export { MAX_TIMEOUT_MS } from './http';
export { signIn, type SignInOptions, type SignInResult } from './signIn';
