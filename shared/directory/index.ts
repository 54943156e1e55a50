// The Annuaire Santé directory: extraction parser, local index and search, suggestions, FHIR client, synthetic data.
export * from './normalize';
export * from './extraction';
export * from './entry';
export * from './directory-index';
export * from './suggest';
export * from './synthetic';
export * from './fhir-client';
export * from './local-client';
