// discord-api-spec ships its zod schemas as plain JavaScript (its "types" entry points at the .js file); this declares
// the schemas the strict fake uses, with the part of the zod/mini API it calls.
declare module 'discord-api-spec/zod' {
  export interface SpecIssue {
    code: string;
    path: PropertyKey[];
    message: string;
    input?: unknown;
    origin?: string;
    maximum?: number | bigint;
    minimum?: number | bigint;
    expected?: string;
    values?: unknown[];
    format?: string;
    errors?: SpecIssue[][];
  }
  export interface SpecSchema {
    safeParse(data: unknown, params?: { reportInput?: boolean }): { success: true; data: unknown } | { success: false; error: { issues: SpecIssue[] } };
  }
  export const CreateMessageInteractionCallbackRequestSchema: SpecSchema;
  export const UpdateMessageInteractionCallbackRequestSchema: SpecSchema;
  export const ApplicationCommandAutocompleteCallbackRequestSchema: SpecSchema;
  export const ModalInteractionCallbackRequestSchema: SpecSchema;
  export const PongInteractionCallbackRequestSchema: SpecSchema;
  export const IncomingWebhookRequestPartialSchema: SpecSchema;
  export const IncomingWebhookUpdateRequestPartialSchema: SpecSchema;
  export const MessageCreateRequestSchema: SpecSchema;
  export const MessageEditRequestPartialSchema: SpecSchema;
  export const ApplicationCommandCreateRequestSchema: SpecSchema;
  export const CreateForumThreadRequestSchema: SpecSchema;
  export const CreateTextThreadWithMessageRequestSchema: SpecSchema;
  export const CreateTextThreadWithoutMessageRequestSchema: SpecSchema;
  export const ApplicationCommandPatchRequestPartialSchema: SpecSchema;
}
