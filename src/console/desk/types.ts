import type { components } from '../api-types';

type Schemas = components['schemas'];

/** A row of a work list (`/units/{id}/inbox`, `/me/cases`): a case summary with its next deadline. */
export type WorkItem = Schemas['WorkItemDto'];
export type WorkItemPage = Schemas['WorkItemPageDto'];
export type PendingExtension = Schemas['PendingExtensionDto'];
export type ExtensionPage = Schemas['ExtensionRequestPageDto'];
