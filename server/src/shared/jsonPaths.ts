// The JSON path helpers that the client and the upload core share with the language service. Importing
// them here, not through the service's front door, keeps the schema validator out of the client bundle.
export { locatePath, reportSpans } from '../service/json/locate';
export { formatPath } from '../service/json/path';
export type { JsonPath } from '../service/json/path';
