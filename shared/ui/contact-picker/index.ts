export { ContactPicker, PatientAddressBuilder, type ContactPickerProps, type PickedRecipient, type RecipientField } from './ContactPicker';
