// The preview's stylesheet, shared by the webview (client) and the static pages the CLI renders. Importing
// it here, not through the service's front door, keeps the language service out of the client bundle.
export { PREVIEW_CSS } from '../service/render/styles';
