export { DocumentChooser, type DocumentChooserProps, type DocumentApi, type AttachedFile } from './DocumentChooser';
