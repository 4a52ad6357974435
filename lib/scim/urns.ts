// Schema and message URNs from RFC 7643 / RFC 7644.

export const USER_SCHEMA_ID = "urn:ietf:params:scim:schemas:core:2.0:User";
export const GROUP_SCHEMA_ID = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const ENTERPRISE_USER_SCHEMA_ID = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

export const SCHEMA_SCHEMA_ID = "urn:ietf:params:scim:schemas:core:2.0:Schema";
export const RESOURCE_TYPE_SCHEMA_ID = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";
export const SERVICE_PROVIDER_CONFIG_SCHEMA_ID = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

export const ERROR_MESSAGE_ID = "urn:ietf:params:scim:api:messages:2.0:Error";
export const LIST_RESPONSE_MESSAGE_ID = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const PATCH_OP_MESSAGE_ID = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const SEARCH_REQUEST_MESSAGE_ID = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
export const BULK_REQUEST_MESSAGE_ID = "urn:ietf:params:scim:api:messages:2.0:BulkRequest";
export const BULK_RESPONSE_MESSAGE_ID = "urn:ietf:params:scim:api:messages:2.0:BulkResponse";
