export { DocumentChooser, type DocumentChooserProps, type DocumentApi, type AttachedFile, type AttachMeta } from './DocumentChooser';
