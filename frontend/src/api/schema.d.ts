/**
 * Generated from openapi/openapi.json by openapi-typescript (npm run gen:api).
 * Do not edit by hand: change the API, run `make openapi`, and commit both files.
 */

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Is the process alive? */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Can the service reach its database? */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in: exchange a password or client credentials for an access token
         * @description OAuth 2.0 token endpoint (RFC 6749), form-encoded. `grant_type=password` with `username` (email) and `password` for people; `grant_type=client_credentials` for API clients, authenticated with HTTP Basic (`client_id:client_secret`) or `client_id` and `client_secret` in the form, optionally narrowing `scope`. Errors are RFC 6749 §5.2 JSON (`{"error": …, "error_description": …}`): 400 `invalid_request`, `invalid_grant`, `unsupported_grant_type` or `invalid_scope`, 401 `invalid_client` with `WWW-Authenticate`. Failed sign-ins are throttled per account and address (429 `slow_down` with `Retry-After`) and never say whether the email exists.
         */
        post: operations["issueToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out: revoke a token (RFC 7009)
         * @description Token revocation (RFC 7009), form-encoded `token` (and an optional `token_type_hint`, which is not needed). Always 200 when the request is well formed, also for a token that is unknown, expired or already revoked. A person's token is revoked by whoever holds it; an API client's only by that client, authenticated as at the token endpoint. `token` is required, as RFC 7009 §2.1 says (to sign out, send the bearer token in it): without it, 400 `invalid_request`, also when the request carries an `Authorization` header. Errors are RFC 6749 §5.2 JSON, as the token endpoint's.
         */
        post: operations["signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/revoke-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out everywhere: revoke every token of the signed-in person */
        post: operations["signOutEverywhere"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read your own profile, with your roles per organisation */
        get: operations["getCurrentUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change your name or preferred language */
        patch: operations["updateCurrentUser"];
        trace?: never;
    };
    "/api/v1/users/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your password (signs out your other sessions) */
        post: operations["changePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List people
         * @description Platform administrators see everyone; organisation administrators and managers see the members of their organisations.
         */
        get: operations["listUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a person's profile and roles */
        get: operations["getUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a person's account (platform administrators) */
        patch: operations["updateUser"];
        trace?: never;
    };
    "/api/v1/users/{user_id}/sign-in-throttle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * See a person's failed sign-ins (their administrators)
         * @description How many failed sign-ins of this person the throttle remembers, from how many addresses, and how many of those addresses must wait. For platform administrators and administrators of an organisation the person belongs to.
         */
        get: operations["getSignInThrottle"];
        put?: never;
        post?: never;
        /**
         * Lift a person's sign-in throttle (their administrators)
         * @description Forgets every failed sign-in of this person, from every address, so that nobody waits to sign in as them; audited as `user.sign_in_throttle_lifted`. The ceiling on an address that tried many accounts is not lifted (it spares people who have signed in from there before). For platform administrators and administrators of an organisation the person belongs to.
         */
        delete: operations["deleteSignInThrottle"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List invitations of the organisations you administer */
        get: operations["listInvitations"];
        put?: never;
        /** Invite a person by email to a role in an organisation */
        post: operations["createInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/{invitation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw a pending invitation */
        delete: operations["revokeInvitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/inspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** See what an invitation link is for, before accepting it */
        post: operations["inspectInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invitation: set a password (new account) and take up the role */
        post: operations["acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-clients": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the API clients of the organisations you administer */
        get: operations["listApiClients"];
        put?: never;
        /** Create an API client for a partner system (the secret is shown once) */
        post: operations["createApiClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-clients/{api_client_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an API client (never its secret) */
        get: operations["getApiClient"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename an API client or change its scopes
         * @description Narrowing the scopes revokes the client's current tokens.
         */
        patch: operations["updateApiClient"];
        trace?: never;
    };
    "/api/v1/api-clients/{api_client_id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace an API client's secret (the new one is shown once)
         * @description The old secret stops working at once and its tokens are revoked.
         */
        post: operations["rotateApiClientSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/api-clients/{api_client_id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an API client for good */
        post: operations["revokeApiClient"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the organisations visible to you
         * @description Your own organisations and those that share a partnership with them.
         */
        get: operations["listOrganisations"];
        put?: never;
        /** Add an organisation */
        post: operations["createOrganisation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{organisation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an organisation */
        get: operations["getOrganisation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an organisation */
        patch: operations["updateOrganisation"];
        trace?: never;
    };
    "/api/v1/organisations/{organisation_id}/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List an organisation's services
         * @description Flat list; each service names its `parent_id`, so clients can draw the tree.
         */
        get: operations["listServices"];
        put?: never;
        /** Add a service (team, ward, day centre) to an organisation */
        post: operations["createService"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/services/{service_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a service */
        get: operations["getService"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a service */
        patch: operations["updateService"];
        trace?: never;
    };
    "/api/v1/organisations/{organisation_id}/memberships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List who holds which role in an organisation */
        get: operations["listMemberships"];
        put?: never;
        /** Give a person a role in an organisation */
        post: operations["createMembership"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{organisation_id}/memberships/{membership_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take a role away from a person */
        delete: operations["deleteMembership"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partnerships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the partnerships your organisations belong to */
        get: operations["listPartnerships"];
        put?: never;
        /**
         * Create a partnership
         * @description Platform administrators, or a person who administers every founding organisation: no organisation is put into a partnership without its consent.
         */
        post: operations["createPartnership"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partnerships/{partnership_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a partnership */
        get: operations["getPartnership"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a partnership's name or description */
        patch: operations["updatePartnership"];
        trace?: never;
    };
    "/api/v1/partnerships/{partnership_id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a partnership's member organisations */
        get: operations["listPartnershipMembers"];
        put?: never;
        /** Bring an organisation into a partnership */
        post: operations["addPartnershipMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partnerships/{partnership_id}/members/{organisation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Take an organisation out of a partnership
         * @description The membership is kept with `left_at` set; shared visibility ends at once.
         */
        delete: operations["removePartnershipMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partnerships/{partnership_id}/leads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The people who lead a partnership across its organisations
         * @description Leads hear of every member's indicator signals and can agree joint actions. A lead whose organisation has left the partnership is no longer listed.
         */
        get: operations["listPartnershipLeads"];
        put?: never;
        /**
         * Appoint a person from a member organisation to lead the partnership
         * @description By an administrator of the person's own organisation, a current lead, or a platform administrator. The person must belong to that member organisation.
         */
        post: operations["addPartnershipLead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partnerships/{partnership_id}/leads/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End a person's appointment as a partnership lead (or step down) */
        delete: operations["removePartnershipLead"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instruments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the survey instruments visible to you
         * @description Your organisations' instruments, those your partners share with their partnerships, and those whose draft your organisation is invited to co-design.
         */
        get: operations["listInstruments"];
        put?: never;
        /** Create an instrument with its first draft version */
        post: operations["createInstrument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instruments/{instrument_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an instrument and the list of its versions */
        get: operations["getInstrument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an instrument's title, description or sharing */
        patch: operations["updateInstrument"];
        trace?: never;
    };
    "/api/v1/instruments/{instrument_id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a new draft version from the latest published one */
        post: operations["createInstrumentVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instrument-versions/{version_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one version of an instrument, with its questions */
        get: operations["getInstrumentVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Save a draft's sections and questions
         * @description Validated on save: unique keys, conditions only on earlier questions, options for choice questions, every text in each language the instrument declares. Saving a version that is in review sends it back to draft. A published version is never changed.
         */
        patch: operations["updateInstrumentVersion"];
        trace?: never;
    };
    "/api/v1/instrument-versions/{version_id}/codesign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Open or close a draft for co-design by chosen organisations */
        put: operations["updateCodesign"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instrument-versions/{version_id}/contributions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a draft's co-design suggestions and comments */
        get: operations["listContributions"];
        put?: never;
        /**
         * Suggest a topic or a question, or comment on a question
         * @description Members of the owning organisation, and of organisations invited to co-design the draft. The author's role is recorded (service user and carer first).
         */
        post: operations["createContribution"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contributions/{contribution_id}/votes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Vote a suggestion up (once per person) */
        post: operations["createVote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contributions/{contribution_id}/votes/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw your vote */
        delete: operations["deleteVote"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contributions/{contribution_id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept a suggestion: it becomes a question credited to its author */
        post: operations["acceptContribution"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/contributions/{contribution_id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline a suggestion with a reason its author sees */
        post: operations["declineContribution"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instrument-versions/{version_id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reviews of a version, and what still stands in the way of publishing it */
        get: operations["getReviewState"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instrument-versions/{version_id}/review-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a draft for review */
        post: operations["requestReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instrument-versions/{version_id}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve a version in review, or ask for changes */
        post: operations["createReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/instrument-versions/{version_id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a reviewed version (refused until the required reviewers approved) */
        post: operations["publishInstrumentVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{organisation_id}/review-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many approvals, from which roles, publishing an instrument needs */
        get: operations["getReviewPolicy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the review rule for an organisation's instruments */
        patch: operations["updateReviewPolicy"];
        trace?: never;
    };
    "/api/v1/instruments/{instrument_id}/involvement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many suggestions, comments and votes came from each role */
        get: operations["getInstrumentInvolvement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/organisations/{organisation_id}/involvement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Co-design involvement across an organisation's instruments, by role */
        get: operations["getOrganisationInvolvement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List survey campaigns visible to you */
        get: operations["listCampaigns"];
        put?: never;
        /** Run a published instrument version in chosen services over a window */
        post: operations["createCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{campaign_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a campaign, with its published response count */
        get: operations["getCampaign"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Rename a campaign or move its window */
        patch: operations["updateCampaign"];
        trace?: never;
    };
    "/api/v1/campaigns/{campaign_id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Close a campaign now */
        post: operations["closeCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{campaign_id}/links": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The public link (and QR code) of each service, with its published response count */
        get: operations["listCampaignLinks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{campaign_id}/links/{service_id}/qr.svg": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The QR code of a service's public link, as SVG */
        get: operations["getCampaignLinkQr"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{campaign_id}/access-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The batches of access codes made for a campaign (not the codes themselves)
         * @description All of them for those who run the campaign; those of their own services for staff of the services' organisations.
         */
        get: operations["listAccessCodeBatches"];
        put?: never;
        /**
         * Make single-use access codes for a service's link (shown this once)
         * @description Each code opens the survey once (`access_code` in `submitResponse`); its card carries the link with the code filled in, as text and as a QR code. Codes are kept only as keyed hashes, and which code answered is never kept. A campaign with `requires_access_code` takes web responses only with a code; in any campaign a valid code keeps a response out of the burst check. Codes of a service are made by staff of the service's own organisation (who hand them out, as they enter its paper forms).
         */
        post: operations["createAccessCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{campaign_id}/access-codes/{batch_id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke a batch of access codes (lost cards): its unused codes stop working */
        post: operations["revokeAccessCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Responses your organisation pushed, found by external id
         * @description For partner systems (an API client with `responses:read`): the responses your system pushed, as soon as they are stored, with their `external_id`; `external_id` (repeatable) finds them by your own ids, `campaign_id` narrows to one campaign. Retracted responses are not listed (see the change feed).
         */
        get: operations["listPushedResponses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/responses/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The change feed of the responses your organisation pushed
         * @description For partner systems (an API client with `responses:read`). Call first with `changed_since` (or nothing, for everything), then with the `cursor` of the page before until a page is empty; sleep; call again with the last cursor. Every page has a `next_cursor`, also an empty one. Changes are in the order they were committed and none is ever skipped: a change still being written when a page is read comes in a later page (a page waits for transactions still in flight, so a change appears once it and every write begun before it have ended). A record changed several times between two calls appears once, as it is now; a retracted one is `deleted` (a tombstone: its id and external id). Only the records your organisation pushed.
         */
        get: operations["listResponseChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/responses/retractions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retract responses your organisation pushed, by external id
         * @description For partner systems (an API client with `responses:write`). Each response is removed with its answers; the results stop counting it (at once, or at the next release of an anonymous or pseudonymous campaign, like any change), measurements derived from the results are derived again, the retraction is audited with its reason, `response.retracted` is raised, and the change feed shows a tombstone. An id retracted before is a no-op; one your organisation never pushed is an `unknown_external_id` error for its index. All in one transaction; `atomic` retracts nothing when any id is unknown.
         */
        post: operations["retractResponses"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/measurements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Measurements your organisation pushed, found by external id
         * @description For partner systems (an API client with `measurements:read`): the measurements your system pushed, with their `external_id` when given; `external_id` (repeatable) finds them by your own ids.
         */
        get: operations["listPushedMeasurements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/measurements/changes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The change feed of the measurements your organisation pushed
         * @description For partner systems (an API client with `measurements:read`). Call first with `changed_since` (or nothing, for everything), then with the `cursor` of the page before until a page is empty; sleep; call again with the last cursor. Every page has a `next_cursor`, also an empty one. Changes are in the order they were committed and none is ever skipped: a change still being written when a page is read comes in a later page (a page waits for transactions still in flight, so a change appears once it and every write begun before it have ended). A record changed several times between two calls appears once, as it is now; a retracted one is `deleted` (a tombstone: its id and external id). Only the records your organisation pushed.
         */
        get: operations["listMeasurementChanges"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/measurements/retractions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Retract measurements your organisation pushed, by external id
         * @description For partner systems (an API client with `measurements:write`). Each measurement is removed, so charts and their statistical process control are drawn without it; the retraction is audited with its reason, `measurement.retracted` is raised, and the change feed shows a tombstone. An id retracted before is a no-op; one your organisation never pushed is an `unknown_external_id` error for its index. `atomic` retracts nothing when any id is unknown.
         */
        post: operations["retractMeasurements"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{campaign_id}/paper-responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enter a paper response (same validation as the web) */
        post: operations["createPaperResponse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{campaign_id}/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Raw responses from your own services in a campaign
         * @description Staff of a service read its responses once released. An API client with `responses:read` reads those its organisation pushed to the campaign (as soon as they are stored: it sent them).
         */
        get: operations["listResponses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/responses/{response_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read one raw response
         * @description Staff of its service (once released), or an API client with `responses:read` whose organisation pushed it.
         */
        get: operations["getResponse"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{campaign_id}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Free-text answers from your services, for moderation */
        get: operations["listComments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/answers/{answer_id}/moderation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a free-text answer for shared views, or redact it */
        post: operations["moderateAnswer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{campaign_id}/responses.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Raw responses from your own services, as CSV in the import template's shape
         * @description The columns of `GET /api/v1/campaigns/{id}/template.csv` (multiple choices joined with `|`), so an export can be read back by an import. Free text is included as stored; redacted answers are left out.
         */
        get: operations["exportResponses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{campaign_id}/held-responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Responses held for approval: a burst of submissions from one address
         * @description Beyond a few public submissions from one address in a day, responses are held and do not count until staff of their service approve them (a waiting-room tablet, say) or reject them (someone filling the survey in again and again). They are listed once their day is over (UTC), so that none is seen as it arrives.
         */
        get: operations["listHeldResponses"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{campaign_id}/held-responses/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Approve held responses (they count) or reject them (they are deleted) */
        post: operations["decideHeldResponses"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{campaign_id}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A campaign's results per question, protected by the disclosure-control layer
         * @description Counts per option with percentages and 95% Wilson intervals, mean and median for scales, shares positive and negative, for each service in scope side by side and their total; over the whole window or by `month` or `week`. Every count is slightly adjusted by the cell key method (the same responses always give the same number, so reading again tells nothing new; tables need not add up exactly), counts that come out below the minimum cell size are held back (null), and more are held back where the table's sums would pin a small one. Statistics come from the published counts, for rows with nothing held back. Results move on by releases of at least the minimum cell size of new responses per service (see `disclosure`). Scope: one service, an organisation's services, a partnership's, or (default) every service you can see.
         */
        get: operations["getCampaignResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{campaign_id}/results.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The results table as CSV, exactly as published (held-back counts included) */
        get: operations["exportCampaignResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/surveys/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The survey behind a public link: its questions in each language */
        get: operations["getPublicSurvey"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/surveys/{token}/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit a response (once: a retry with the same submission id makes no second one)
         * @description Every answer is checked against the exact instrument version; a refused submission stores nothing. 201 for a new response, 200 when this submission id was already received with the same answers. Rate-limited per client address; beyond a few submissions from one address in a short time, responses are held for the service's staff to approve before they count (unless they carry a valid access code). A campaign can ask for a single-use `access_code`: without one 422, with an unknown or used one 403.
         */
        post: operations["submitResponse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ingest/responses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Push a batch of survey responses (idempotent by external_id)
         * @description For partner systems (an API client with `responses:write`). Each item is validated exactly as a web response is. Per item, by (your organisation, `external_id`): the same content again is *ignored*, changed content *updates* the stored response (audited), anything else is *imported*. The answer is an import summary; a repeated batch after a time-out is always safe. Up to 5000 items or 10 MB (413 beyond). An item whose response is retracted while the push runs is refused (`removed_meanwhile`; send it again) and the rest are stored; in `atomic` mode such a race refuses the whole batch (409).
         */
        post: operations["ingestResponses"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ingest/measurements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Push a batch of indicator measurements (idempotent by indicator, unit and period)
         * @description For partner systems (an API client with `measurements:write`). Each item names the indicator by code, the unit (your organisation, or one of its services by id or code) and the period, with a value or a numerator and denominator. The same value again is ignored, a different one updates the measurement (audited), a new one is imported. A push updates only a measurement your organisation pushed: a point entered by staff, derived from survey results or pushed by another organisation is refused for that item (`measurement_owned_elsewhere`), unchanged. An item whose measurement is retracted while the push runs is refused (`removed_meanwhile`; send it again); in `atomic` mode such a race refuses the whole batch (409).
         */
        post: operations["ingestMeasurements"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List imports of your organisations */
        get: operations["listImports"];
        put?: never;
        /**
         * Upload a file of responses or measurements to import in the background
         * @description Send the file either as a `multipart/form-data` form whose part `file` holds it (what a browser or a generated client sends; the part's Content-Type says the format, or `format` does), or as the raw request body: `text/csv` (the template's columns; multiple choice values separated by `|`), `application/x-ndjson` (one ingestion item per line), `application/fhir+json` (a FHIR Bundle of QuestionnaireResponses, which name their Questionnaire, so no campaign_id), or `application/octet-stream` with `format`. `format`, when given, says the format whatever the Content-Type. Up to 1 GB, written to disk as it arrives. Answers 202 with the job; poll it for progress. Rows are validated and applied exactly as the ingestion endpoints do, idempotently, so a repeated file is safe.
         *
         *     **Outcome.** A job ends `completed` when every row was taken (imported, updated or already stored), `completed_with_errors` when some rows were refused, and `failed` when nothing was taken (every row refused, no rows, a file that cannot be read, or an atomic import with a refused row), with `failure_reason`. The `import.completed` webhook carries the same status and counts. Atomic mode checks every row (FHIR entries too) before storing any.
         *
         *     **Encoding.** A CSV file is read in the `charset` its Content-Type declares: `utf-8`, `windows-1252` (also as `cp1252`; `iso-8859-1`, `latin1` and `us-ascii` are read as windows-1252, as browsers do) or `iso-8859-15`; any other charset is refused with 415 before the file is read. A UTF-8 byte order mark means UTF-8 whatever is declared. With no charset, a file that is valid UTF-8 is read as UTF-8, and any other CSV as windows-1252 (what Excel's “CSV (Comma delimited)” writes); a file valid in neither, or bytes the declared encoding does not have, are refused with 422 naming the line; UTF-16 is refused with 415. NDJSON and FHIR files are UTF-8. The job's `encoding` says how the file was read.
         *
         *     **Rows.** Refused rows are listed at `errors_url` by number: in a CSV file, the row as a spreadsheet numbers it (row 1 is the header, row 2 the first data row; a quoted cell with line breaks stays in its row); in NDJSON, the line (from 1); in a FHIR Bundle, the entry (from 1). Blank rows are skipped and keep their number. Every row is accounted for: imported, updated, ignored (already stored) or refused. A row that cannot be read is refused with a code (`unterminated_quote`: a quoted cell is not closed, so only that row is refused and the next line is read as the next row; `malformed_row`, `wrong_cell_count`, `row_too_long`, `unreadable` for a line that is not a JSON object, `lone_surrogate` for a `\ud800`-like escape without its pair); the other rows still import in best-effort mode. The uploaded file is deleted when the job ends, however it ends. A CSV import's `refused_rows_url` gives the refused rows as they were in the file, with a trailing `gwella_errors` column: fix them and upload that file again as it is (columns whose name starts with `gwella_` are read past, and so is a row whose first cell starts with `#`, like the template's guidance row).
         */
        post: operations["createImport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{import_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An import's state, rows processed of total, and running summary */
        get: operations["getImport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{import_id}/errors.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rows an import refused, as CSV (row, external_id, code, field, detail) */
        get: operations["getImportErrors"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/imports/{import_id}/refused.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The rows a CSV import refused, as they were in the file, to fix and upload again
         * @description The file's header row, then each refused row with its cells as uploaded (same columns, same order, same values; a cell that would run as a formula in a spreadsheet and was not guarded gets an apostrophe, which an import takes off again), and a trailing `gwella_errors` column with each problem as `code (field): detail`, one a line. A row that could not be split into cells comes back as its line's text in the first cell. Fix the cells and upload the file again as it is: an import reads past columns whose name starts with `gwella_`, and already stored rows are not duplicated. NDJSON and FHIR imports have no such file (409): their refused lines and entries are listed by number at `errors_url`. The cells are the upload's personal data: they are kept a day after the job ends, as long as an upload may be, then removed; the file is then gone (410) and `errors_url` still lists the problems by row number.
         */
        get: operations["getImportRefusedRows"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/campaigns/{campaign_id}/template.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The CSV template of a campaign's responses (one column per question key)
         * @description The header row. With `guidance=true`, a second row says what each column takes: the options of choice questions (value = English / Welsh label), ranges, the form of dates and times, whether an answer is required. Its first cell starts with `#`, which makes it a comment row that imports skip, so the file can be filled in below it and uploaded as it is.
         */
        get: operations["getCampaignTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ingest/measurements/template.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The CSV template of measurement imports
         * @description The header row; with `guidance=true`, a comment row (first cell starting with `#`, skipped by imports) saying what each column takes.
         */
        get: operations["getMeasurementsTemplate"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/frameworks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Performance frameworks and their standards (e.g. the Wales adult mental health NSF) */
        get: operations["listFrameworks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/indicators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List indicators: shared definitions and your partnership's own */
        get: operations["listIndicators"];
        put?: never;
        /**
         * Define an indicator
         * @description Shared definitions (no organisation) by platform administrators; an organisation's own by its administrators or managers.
         */
        post: operations["createIndicator"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/indicators/{indicator_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an indicator */
        get: operations["getIndicator"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/indicators/{indicator_id}/measurements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Measurements of an indicator for the organisations visible to you */
        get: operations["listMeasurements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/indicators/{indicator_id}/chart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The SPC (XmR) chart of an indicator for an organisation or a service
         * @description Each point with its mean, process limits, near-limit band and special-cause flag (outside_limits > trend > two_of_three > shift), whether it is an improvement or a concern by the indicator's direction, and the variation and assurance icons. Follows NHS Making Data Count; the settings below default to its conventions.
         */
        get: operations["getIndicatorChart"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/indicators/{indicator_id}/annotations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Annotate an indicator's chart for an organisation or service at a date */
        post: operations["createAnnotation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/indicators/{indicator_id}/annotations/{annotation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove an annotation you wrote
         * @description Only its author may (403 for anyone else who can see it). Recorded in the audit trail with what it said.
         */
        delete: operations["deleteAnnotation"];
        options?: never;
        head?: never;
        /**
         * Change an annotation you wrote: its day or its words
         * @description Only its author may (403 for anyone else who can see it). The day stays today or earlier. Recorded in the audit trail with what it said before.
         */
        patch: operations["updateAnnotation"];
        trace?: never;
    };
    "/api/v1/partnerships/{partnership_id}/indicators": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A partnership's indicators side by side, grouped by standard
         * @description For every indicator the partnership shares (common definitions and its members' own): each member organisation's and service's latest value, with the variation and assurance icons of its SPC chart (default settings), grouped by the standard served.
         */
        get: operations["getPartnershipIndicators"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Improvement actions of your partnerships, with filters
         * @description Keyset-paginated. `overdue=true`: the due date has passed and the action is neither completed nor not taken forward. `organisation_id`: actions the organisation leads or supports (its part not declined). `status` may be repeated.
         */
        get: operations["listActions"];
        put?: never;
        /**
         * Propose an improvement action
         * @description Any person with a role in a member organisation of the partnership proposes, service users and carers included (their role is recorded, and the origin defaults to `service_user` for them). Evidence (campaign results, a question, an indicator, a published comment) must exist and be visible to you. Responsibilities, if named, have exactly one lead; each organisation is asked and accepts or declines its part. Sends `action.created` to the responsible organisations and the proposer's.
         */
        post: operations["createAction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/actions/{action_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read an action: responsibilities, evidence, supporters and what may come next */
        get: operations["getAction"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit an action's texts, standard or due date
         * @description **Who decides.** Agreeing an action (`under_review → agreed`) is a partnership-level decision: administrators or managers of any organisation responsible for it (lead or supporting, not declined) and the partnership's appointed leads, and only once the lead organisation has accepted the lead part. Every other change of status, and editing the action, is decided by the lead organisation's administrators or managers; while there is no lead yet, by those of the responsible organisations, and while there are none, by those of any member organisation of the partnership. Platform administrators may do either. Service users, carers and staff propose, support and report progress, but do not change status. Closed actions cannot be edited.
         */
        patch: operations["updateAction"];
        trace?: never;
    };
    "/api/v1/actions/{action_id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Move an action to another status, with an explanation
         * @description **Workflow.** `proposed → under_review → agreed → in_progress → completed`; from any open status `not_taken_forward`, which needs a public `reason` (for an action that came from a service user, a written reason of at least 20 characters). Any other move is refused with 409 and the statuses the action can move to. Each change is audited and appears in the timeline with its `explanation`; it notifies the proposer, owners, supporters and the responsible organisations' managers, and sends the `action.status_changed` webhook to each responsible organisation and the proposer's.
         *
         *     **Who decides.** Agreeing an action (`under_review → agreed`) is a partnership-level decision: administrators or managers of any organisation responsible for it (lead or supporting, not declined) and the partnership's appointed leads, and only once the lead organisation has accepted the lead part. Every other change of status, and editing the action, is decided by the lead organisation's administrators or managers; while there is no lead yet, by those of the responsible organisations, and while there are none, by those of any member organisation of the partnership. Platform administrators may do either. Service users, carers and staff propose, support and report progress, but do not change status. `If-Match` is optional here; when sent, a stale ETag gets 412.
         */
        post: operations["changeActionStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/actions/{action_id}/responsibilities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ask a member organisation to lead or support an action
         * @description By administrators or managers of any member organisation of the partnership; the organisation then accepts or declines. There is exactly one lead: a second is refused (409) unless the first declined. Notifies the organisation's managers and the owner named.
         */
        post: operations["addActionResponsibility"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/actions/{action_id}/responsibilities/{organisation_id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept your organisation's part in an action (optionally naming its owner)
         * @description By the organisation's administrators or managers. The owner must be a member of the organisation.
         */
        post: operations["acceptActionResponsibility"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/actions/{action_id}/responsibilities/{organisation_id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decline your organisation's part in an action, saying why
         * @description By the organisation's administrators or managers; `note` is required. A declined lead leaves the action without a lead until another organisation is asked.
         */
        post: operations["declineActionResponsibility"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/actions/{action_id}/responsibilities/{organisation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the owner of your organisation's part
         * @description By the organisation's administrators or managers; the owner must be a member of the organisation (null: no owner).
         */
        patch: operations["updateActionResponsibility"];
        trace?: never;
    };
    "/api/v1/actions/{action_id}/supports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who supports an action, with their role */
        get: operations["listActionSupports"];
        put?: never;
        /**
         * Support an action (service users and carers; one support per person)
         * @description Your role (service user or carer) is recorded, so the share of support from service users is shown. A second support by the same person is refused (409).
         */
        post: operations["addActionSupport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/actions/{action_id}/supports/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw your support */
        delete: operations["removeActionSupport"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/actions/{action_id}/updates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Progress updates of an action, oldest first */
        get: operations["listActionUpdates"];
        put?: never;
        /**
         * Report progress (a note and a percentage) for a responsible organisation
         * @description By staff, managers or administrators of a responsible organisation that has accepted its part, while the action is agreed or in progress. Notifies the proposer, owners, supporters and the lead's managers.
         */
        post: operations["addActionUpdate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/actions/{action_id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What happened to an action, oldest first: proposal, parts, status changes with their explanations, updates, support, PDSA stages */
        get: operations["getActionTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/actions/{action_id}/pdsa-cycles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** PDSA cycles of an action, in order */
        get: operations["listPdsaCycles"];
        put?: never;
        /**
         * Plan a PDSA cycle: objective, prediction and the indicator that will tell
         * @description By staff, managers or administrators of a responsible organisation that has accepted its part, on an agreed or in-progress action, when no other cycle is open. The plan date (and later each stage's date) becomes a `pdsa` annotation on the indicator's chart for `organisation_id` (default: the lead organisation).
         */
        post: operations["createPdsaCycle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/pdsa-cycles/{cycle_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Record a PDSA cycle's do, study and act stages
         * @description Stages in order, each with its notes and date (not before the previous stage). Act takes a `decision` (adopt, adapt, abandon) and, to adopt or adapt, may start the next cycle with `next_objective`. Each stage's date is annotated on the indicator's chart. By staff, managers or administrators of the cycle's organisation.
         */
        patch: operations["updatePdsaCycle"];
        trace?: never;
    };
    "/api/v1/organisations/{organisation_id}/action-accountability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An organisation's actions: led and supported, on time or overdue, speed of decision, share from service users, share completed
         * @description Counts actions of the partnerships you can see in which the organisation has a part it has not declined.
         */
        get: operations["getOrganisationAccountability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partnerships/{partnership_id}/action-accountability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A partnership's actions by status and standard, and which organisations carry them */
        get: operations["getPartnershipAccountability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partnerships/{partnership_id}/action-accountability.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The partnership's accountability view as CSV, one row per organisation */
        get: operations["exportPartnershipAccountability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/partnerships/{partnership_id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A printable report for a period: per NSF standard, the indicators with their SPC variation and assurance, and the actions behind them
         * @description HTML, ready to print or save as PDF, in English or Welsh (`language`, else the request's Accept-Language). Indicators are shown for each member organisation with measurements ending in the period; actions are those open in or decided during the period.
         */
        get: operations["getPartnershipReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/public/partnerships/{partnership_id}/actions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public "you said, we did" page of a partnership (no sign-in)
         * @description Agreed, active and completed actions with their summaries and progress, and the reasons for those not taken forward, in English and Welsh. No personal data: no names, ids of people or email addresses.
         */
        get: operations["getPublicActions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the webhook subscriptions you manage */
        get: operations["listWebhookSubscriptions"];
        put?: never;
        /**
         * Subscribe a URL to events (the signing secret is shown once)
         * @description Each event is POSTed as JSON with the Standard Webhooks headers `webhook-id`, `webhook-timestamp` and `webhook-signature` (HMAC-SHA256 with the secret returned here, which is never shown again). Any 2xx answer acknowledges it; anything else is retried with backoff for 24 hours. Events of one record arrive in order.
         */
        post: operations["createWebhookSubscription"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-subscriptions/{subscription_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a webhook subscription (never its secret) */
        get: operations["getWebhookSubscription"];
        put?: never;
        post?: never;
        /** Delete a subscription, with its deliveries (nothing more is sent) */
        delete: operations["deleteWebhookSubscription"];
        options?: never;
        head?: never;
        /**
         * Change a subscription's URL, events or description, or pause it
         * @description While inactive nothing is sent; its pending deliveries wait for it.
         */
        patch: operations["updateWebhookSubscription"];
        trace?: never;
    };
    "/api/v1/webhook-subscriptions/{subscription_id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace a subscription's signing secret (the new one is shown once)
         * @description Until `previous_valid_for` seconds have passed, every message carries two signatures (new and old secret), so a receiver can switch without missing one.
         */
        post: operations["rotateWebhookSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-subscriptions/{subscription_id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a subscription's deliveries, newest first */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-subscriptions/{subscription_id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Replay a subscription's events, oldest first, from a cursor
         * @description Every event queued for this subscription, in the order it happened, with the body exactly as sent and its delivery's state. Each event carries a `cursor`: keep the last one handled and list from it to catch up after an outage. Replay reaches back `GWELLA_WEBHOOK_RETENTION_DAYS` (30 by default) from a delivery's last change; pending deliveries are always listed. Replay never skips: a page stops before an event whose transaction is still being written (it comes in its place once committed), so no cursor is ever handed out past an event still to be listed.
         */
        get: operations["listWebhookEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-deliveries/{delivery_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a delivery: its state, schedule and the body sent */
        get: operations["getWebhookDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-deliveries/{delivery_id}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List every attempt of a delivery, with the receiver's answer */
        get: operations["listWebhookDeliveryAttempts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhook-deliveries/{delivery_id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a delivery again now (same `webhook-id`), whatever its state
         * @description A pending delivery is tried at once; a delivered or failed one is pending again, with a new 24-hour retry window. 409 while a worker is sending it.
         */
        post: operations["redeliverWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your notifications, newest first */
        get: operations["listNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{notification_id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one of your notifications as read */
        post: operations["readNotification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all your notifications as read */
        post: operations["readAllNotifications"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Whether, and how often, you are e-mailed a digest of what you have not read */
        get: operations["getNotificationPreferences"];
        /**
         * Ask for an e-mail digest daily or weekly, or stop it (off)
         * @description Off is the default: nobody is e-mailed a digest unless they ask. A daily digest is sent at 07:00 UK time, a weekly one on Mondays at 07:00, and only when there are notifications you have not read since the last one (or since you asked for it).
         */
        put: operations["updateNotificationPreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/agenda": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What needs you, and what changed
         * @description For the signed-in person only: drafts in review whose approval by you would count (under the owning organisation's review rule) and that you have not reviewed; open co-design suggestions on drafts you may edit; parts in actions that your organisations (where you are an administrator or manager) were asked to take; indicator series of your organisations (where you are staff, a manager or an administrator) and of the partnerships you lead whose latest point is a special cause, computed as the chart endpoint does; open actions past their due date that you or your organisation carry; and your latest notifications. Each list holds its first 10 items and its `total`; each item links to where you act.
         */
        get: operations["getMyAgenda"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Server-sent events: results, indicators and your notifications as they change
         * @description `text/event-stream` with events `results` (the campaign's results moved on, by a release of several responses: refetch them; `responses` is the published number of responses in the services you can see, null while it is held back), `indicators` (measurements or annotations changed) and `notification`, each with a small JSON `data`, plus a comment every 15 s to keep proxies open. Changes reach the stream within about a second. `seconds` ends the stream after that long (browsers reconnect by themselves).
         *
         *     When the server ends a stream, its last event is `end` with `data` `{"reason": …}`: `unauthenticated` (the token was revoked or expired, or the account deactivated: sign in again), `access-changed` (a role, membership or partnership changed: reconnect to see what you may see now), `time-up` (`seconds` ran out) or `shutdown` (the server is stopping: reconnect in a moment). The caller is checked again whenever anything it stands for changes (within about a second), and the stream ends when its token expires.
         *
         *     A person may hold a few streams at once in each server process (`GWELLA_STREAM_MAX_PER_PERSON`, one per browser tab): beyond that a new stream is refused with 429 and the open ones go on. A server process holds at most `GWELLA_STREAM_MAX_PER_PROCESS` streams: beyond that, or while it shuts down, 503. Both carry `Retry-After`.
         */
        get: operations["getStream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit events, newest first
         * @description Platform administrators see every event; organisation administrators and managers see those of their organisations and of the partnerships they are in.
         */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit-events/{event_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read one audit event */
        get: operations["getAuditEvent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/r4/metadata": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What this FHIR R4 endpoint supports (a CapabilityStatement) */
        get: operations["getFhirCapabilities"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/r4/Questionnaire/{questionnaire_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a published instrument version as a FHIR Questionnaire
         * @description The id is the instrument version's id. Visible as the instrument is: to its organisation, to partners when shared with its partnerships, and to co-designers.
         */
        get: operations["getQuestionnaire"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/r4/Questionnaire": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search Questionnaires by canonical url and version (a searchset Bundle)
         * @description Without `url`, every published version of the instruments visible to you, a page of instruments at a time (follow the `next` link). Unknown parameters are ignored.
         */
        get: operations["listQuestionnaires"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/r4/QuestionnaireResponse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Search the responses your organisation pushed (a searchset Bundle)
         * @description For partner systems (an API client with `responses:read`): the QuestionnaireResponses your organisation pushed, by `identifier` (`system|value`, or `value`: your id for the response; the system is your organisation's, as each QuestionnaireResponse shows) and `_lastUpdated` (when it was last stored or changed; prefixes `eq` (the default), `gt`, `ge`, `lt`, `le`; a date or an instant with its time zone; give it twice for a range). A page at a time: follow the `next` link. An unknown parameter or prefix is refused (400) rather than ignored. A retracted response is no longer found.
         */
        get: operations["listQuestionnaireResponses"];
        put?: never;
        /**
         * Push one QuestionnaireResponse as a survey response (idempotent by identifier)
         * @description For partner systems (an API client with `responses:write`). Mapped onto a response of your campaign that runs the Questionnaire, and checked exactly as a web response is. By (your organisation, `identifier.value`): new is stored (201, with Location), the same content again is ignored (200), changed content updates the stored response (200). `questionnaire` is the Questionnaire's `url|version` (or the `url` alone while exactly one version of it takes your pushes; otherwise a 422 names the forms to send). The answer is the stored response as a QuestionnaireResponse. See `GET /fhir/r4/metadata` for the mapping.
         */
        post: operations["createQuestionnaireResponse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/r4/QuestionnaireResponse/{response_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read back a response your organisation pushed, as a QuestionnaireResponse
         * @description One your organisation retracted is 410 Gone (an OperationOutcome, code `deleted`); an id your organisation never pushed is 404. `meta.lastUpdated` is the day only in an anonymous campaign.
         */
        get: operations["getQuestionnaireResponse"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fhir/r4": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Push a batch or transaction Bundle of QuestionnaireResponses
         * @description For partner systems (an API client with `responses:write`). Each entry is `POST QuestionnaireResponse`, handled as `createQuestionnaireResponse` is. A batch stores the entries it can and answers a batch-response whose entries say 201 Created, 200 OK (updated or unchanged) or the refusal with its OperationOutcome. A transaction stores all or nothing: a transaction-response, or one OperationOutcome listing every refused entry. Up to 5000 entries.
         */
        post: operations["ingestFhirBundle"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    "response.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A response was stored: in identified-with-consent campaigns, any response (web, paper
         * @description Sent as a JSON POST to each active subscription of the organisation that wants `response.created`. Verify `webhook-signature` before trusting the body: it is `v1,` + base64(HMAC-SHA256(key, `{webhook-id}.{webhook-timestamp}.{body}`)), the key being the base64-decoded part of your `whsec_` secret; during a secret rotation the header carries a second, space-separated signature. Reject timestamps more than 5 minutes old. The same event may come twice (after a time-out): ignore a `webhook-id` you have seen. Events of one record (the `data` field its type names: a response, a batch, a measurement, an action…) arrive in order; different records may arrive in any order. Missed some? `GET /api/v1/webhook-subscriptions/{id}/events` (`listWebhookEvents`) lists every event queued for the subscription, with its body as sent.
         *
         *     A response was stored: in identified-with-consent campaigns, any response (web, paper
         *         or a partner push); in anonymous and pseudonymous ones, only a partner's own pushes, to
         *         that partner (their results move on by releases: see `results.released`).
         */
        post: operations["responseCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "response.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A partner system pushed changed content for a response it had sent before
         * @description Sent as a JSON POST to each active subscription of the organisation that wants `response.updated`. Verify `webhook-signature` before trusting the body: it is `v1,` + base64(HMAC-SHA256(key, `{webhook-id}.{webhook-timestamp}.{body}`)), the key being the base64-decoded part of your `whsec_` secret; during a secret rotation the header carries a second, space-separated signature. Reject timestamps more than 5 minutes old. The same event may come twice (after a time-out): ignore a `webhook-id` you have seen. Events of one record (the `data` field its type names: a response, a batch, a measurement, an action…) arrive in order; different records may arrive in any order. Missed some? `GET /api/v1/webhook-subscriptions/{id}/events` (`listWebhookEvents`) lists every event queued for the subscription, with its body as sent.
         *
         *     A partner system pushed changed content for a response it had sent before.
         */
        post: operations["responseUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "responses.ingested": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A partner's batch stored responses: one event for the whole batch (a JSON push, a FHIR
         * @description Sent as a JSON POST to each active subscription of the organisation that wants `responses.ingested`. Verify `webhook-signature` before trusting the body: it is `v1,` + base64(HMAC-SHA256(key, `{webhook-id}.{webhook-timestamp}.{body}`)), the key being the base64-decoded part of your `whsec_` secret; during a secret rotation the header carries a second, space-separated signature. Reject timestamps more than 5 minutes old. The same event may come twice (after a time-out): ignore a `webhook-id` you have seen. Events of one record (the `data` field its type names: a response, a batch, a measurement, an action…) arrive in order; different records may arrive in any order. Missed some? `GET /api/v1/webhook-subscriptions/{id}/events` (`listWebhookEvents`) lists every event queued for the subscription, with its body as sent.
         *
         *     A partner's batch stored responses: one event for the whole batch (a JSON push, a FHIR
         *         Bundle, or a whole file import, announced once when the job ends, however many chunks it
         *         was stored in and even if a worker resumed it) instead of one per response; it raises no
         *         `response.created` or `response.updated`. Read what changed from `changes_url`. Sent to
         *         the organisations that would have heard of each response (the pushing organisation; in
         *         identified campaigns also the campaign's and the services'), and only when something was
         *         created or updated. Single submissions (web, paper, one FHIR QuestionnaireResponse) still
         *         raise `response.created`.
         */
        post: operations["responsesIngestedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "results.released": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A campaign's results moved on: a release of at least its minimum cell size of new
         * @description Sent as a JSON POST to each active subscription of the organisation that wants `results.released`. Verify `webhook-signature` before trusting the body: it is `v1,` + base64(HMAC-SHA256(key, `{webhook-id}.{webhook-timestamp}.{body}`)), the key being the base64-decoded part of your `whsec_` secret; during a secret rotation the header carries a second, space-separated signature. Reject timestamps more than 5 minutes old. The same event may come twice (after a time-out): ignore a `webhook-id` you have seen. Events of one record (the `data` field its type names: a response, a batch, a measurement, an action…) arrive in order; different records may arrive in any order. Missed some? `GET /api/v1/webhook-subscriptions/{id}/events` (`listWebhookEvents`) lists every event queued for the subscription, with its body as sent.
         *
         *     A campaign's results moved on: a release of at least its minimum cell size of new
         *         responses (or changes) in each service named. Refetch the results. For an anonymous
         *         campaign it is sent once the day is over (UTC), with the end of the day as its
         *         `timestamp`, and never says how many responses or when they came.
         */
        post: operations["resultsReleasedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "import.completed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An import job finished (successfully or not); fetch it for the summary's errors
         * @description Sent as a JSON POST to each active subscription of the organisation that wants `import.completed`. Verify `webhook-signature` before trusting the body: it is `v1,` + base64(HMAC-SHA256(key, `{webhook-id}.{webhook-timestamp}.{body}`)), the key being the base64-decoded part of your `whsec_` secret; during a secret rotation the header carries a second, space-separated signature. Reject timestamps more than 5 minutes old. The same event may come twice (after a time-out): ignore a `webhook-id` you have seen. Events of one record (the `data` field its type names: a response, a batch, a measurement, an action…) arrive in order; different records may arrive in any order. Missed some? `GET /api/v1/webhook-subscriptions/{id}/events` (`listWebhookEvents`) lists every event queued for the subscription, with its body as sent.
         *
         *     An import job finished (successfully or not); fetch it for the summary's errors.
         */
        post: operations["importCompletedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "campaign.closed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A campaign closed: its results are final
         * @description Sent as a JSON POST to each active subscription of the organisation that wants `campaign.closed`. Verify `webhook-signature` before trusting the body: it is `v1,` + base64(HMAC-SHA256(key, `{webhook-id}.{webhook-timestamp}.{body}`)), the key being the base64-decoded part of your `whsec_` secret; during a secret rotation the header carries a second, space-separated signature. Reject timestamps more than 5 minutes old. The same event may come twice (after a time-out): ignore a `webhook-id` you have seen. Events of one record (the `data` field its type names: a response, a batch, a measurement, an action…) arrive in order; different records may arrive in any order. Missed some? `GET /api/v1/webhook-subscriptions/{id}/events` (`listWebhookEvents`) lists every event queued for the subscription, with its body as sent.
         *
         *     A campaign closed: its results are final.
         */
        post: operations["campaignClosedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "measurement.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A new indicator measurement was stored
         * @description Sent as a JSON POST to each active subscription of the organisation that wants `measurement.created`. Verify `webhook-signature` before trusting the body: it is `v1,` + base64(HMAC-SHA256(key, `{webhook-id}.{webhook-timestamp}.{body}`)), the key being the base64-decoded part of your `whsec_` secret; during a secret rotation the header carries a second, space-separated signature. Reject timestamps more than 5 minutes old. The same event may come twice (after a time-out): ignore a `webhook-id` you have seen. Events of one record (the `data` field its type names: a response, a batch, a measurement, an action…) arrive in order; different records may arrive in any order. Missed some? `GET /api/v1/webhook-subscriptions/{id}/events` (`listWebhookEvents`) lists every event queued for the subscription, with its body as sent.
         *
         *     A new indicator measurement was stored.
         */
        post: operations["measurementCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "measurement.updated": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A pushed measurement's value changed (a repeat with the same value raises nothing)
         * @description Sent as a JSON POST to each active subscription of the organisation that wants `measurement.updated`. Verify `webhook-signature` before trusting the body: it is `v1,` + base64(HMAC-SHA256(key, `{webhook-id}.{webhook-timestamp}.{body}`)), the key being the base64-decoded part of your `whsec_` secret; during a secret rotation the header carries a second, space-separated signature. Reject timestamps more than 5 minutes old. The same event may come twice (after a time-out): ignore a `webhook-id` you have seen. Events of one record (the `data` field its type names: a response, a batch, a measurement, an action…) arrive in order; different records may arrive in any order. Missed some? `GET /api/v1/webhook-subscriptions/{id}/events` (`listWebhookEvents`) lists every event queued for the subscription, with its body as sent.
         *
         *     A pushed measurement's value changed (a repeat with the same value raises nothing).
         */
        post: operations["measurementUpdatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "indicator.signal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An indicator's chart shows a special cause (improvement or concern)
         * @description Sent as a JSON POST to each active subscription of the organisation that wants `indicator.signal`. Verify `webhook-signature` before trusting the body: it is `v1,` + base64(HMAC-SHA256(key, `{webhook-id}.{webhook-timestamp}.{body}`)), the key being the base64-decoded part of your `whsec_` secret; during a secret rotation the header carries a second, space-separated signature. Reject timestamps more than 5 minutes old. The same event may come twice (after a time-out): ignore a `webhook-id` you have seen. Events of one record (the `data` field its type names: a response, a batch, a measurement, an action…) arrive in order; different records may arrive in any order. Missed some? `GET /api/v1/webhook-subscriptions/{id}/events` (`listWebhookEvents`) lists every event queued for the subscription, with its body as sent.
         *
         *     An indicator's chart shows a special cause (improvement or concern).
         */
        post: operations["indicatorSignalWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "action.created": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An improvement action was proposed or agreed
         * @description Sent as a JSON POST to each active subscription of the organisation that wants `action.created`. Verify `webhook-signature` before trusting the body: it is `v1,` + base64(HMAC-SHA256(key, `{webhook-id}.{webhook-timestamp}.{body}`)), the key being the base64-decoded part of your `whsec_` secret; during a secret rotation the header carries a second, space-separated signature. Reject timestamps more than 5 minutes old. The same event may come twice (after a time-out): ignore a `webhook-id` you have seen. Events of one record (the `data` field its type names: a response, a batch, a measurement, an action…) arrive in order; different records may arrive in any order. Missed some? `GET /api/v1/webhook-subscriptions/{id}/events` (`listWebhookEvents`) lists every event queued for the subscription, with its body as sent.
         *
         *     An improvement action was proposed or agreed.
         */
        post: operations["actionCreatedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "action.status_changed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * An improvement action moved to another status
         * @description Sent as a JSON POST to each active subscription of the organisation that wants `action.status_changed`. Verify `webhook-signature` before trusting the body: it is `v1,` + base64(HMAC-SHA256(key, `{webhook-id}.{webhook-timestamp}.{body}`)), the key being the base64-decoded part of your `whsec_` secret; during a secret rotation the header carries a second, space-separated signature. Reject timestamps more than 5 minutes old. The same event may come twice (after a time-out): ignore a `webhook-id` you have seen. Events of one record (the `data` field its type names: a response, a batch, a measurement, an action…) arrive in order; different records may arrive in any order. Missed some? `GET /api/v1/webhook-subscriptions/{id}/events` (`listWebhookEvents`) lists every event queued for the subscription, with its body as sent.
         *
         *     An improvement action moved to another status.
         */
        post: operations["actionStatusChangedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "response.retracted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A partner system retracted a response it had pushed: it no longer counts in the
         * @description Sent as a JSON POST to each active subscription of the organisation that wants `response.retracted`. Verify `webhook-signature` before trusting the body: it is `v1,` + base64(HMAC-SHA256(key, `{webhook-id}.{webhook-timestamp}.{body}`)), the key being the base64-decoded part of your `whsec_` secret; during a secret rotation the header carries a second, space-separated signature. Reject timestamps more than 5 minutes old. The same event may come twice (after a time-out): ignore a `webhook-id` you have seen. Events of one record (the `data` field its type names: a response, a batch, a measurement, an action…) arrive in order; different records may arrive in any order. Missed some? `GET /api/v1/webhook-subscriptions/{id}/events` (`listWebhookEvents`) lists every event queued for the subscription, with its body as sent.
         *
         *     A partner system retracted a response it had pushed: it no longer counts in the
         *         results, and the change feed shows it as a tombstone.
         */
        post: operations["responseRetractedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "measurement.retracted": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A partner system retracted a measurement it had pushed: it is gone from the charts,
         * @description Sent as a JSON POST to each active subscription of the organisation that wants `measurement.retracted`. Verify `webhook-signature` before trusting the body: it is `v1,` + base64(HMAC-SHA256(key, `{webhook-id}.{webhook-timestamp}.{body}`)), the key being the base64-decoded part of your `whsec_` secret; during a secret rotation the header carries a second, space-separated signature. Reject timestamps more than 5 minutes old. The same event may come twice (after a time-out): ignore a `webhook-id` you have seen. Events of one record (the `data` field its type names: a response, a batch, a measurement, an action…) arrive in order; different records may arrive in any order. Missed some? `GET /api/v1/webhook-subscriptions/{id}/events` (`listWebhookEvents`) lists every event queued for the subscription, with its body as sent.
         *
         *     A partner system retracted a measurement it had pushed: it is gone from the charts,
         *         and the change feed shows it as a tombstone.
         */
        post: operations["measurementRetractedWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /** AccessCodeBatchRead */
        AccessCodeBatchRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /**
             * Service Id
             * Format: uuid
             */
            service_id: string;
            /** Label */
            label: string | null;
            /** Size */
            size: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Revoked At */
            revoked_at: string | null;
        };
        /** AccessCodeCard */
        AccessCodeCard: {
            /**
             * Code
             * @example KMQ7R-XT3WA
             */
            code: string;
            /**
             * Url
             * @description The service's link with the code filled in
             */
            url: string;
            /**
             * Qr Svg
             * @description A QR code of `url`, as SVG
             */
            qr_svg: string;
        };
        /** AccessCodesCreate */
        AccessCodesCreate: {
            /**
             * Service Id
             * Format: uuid
             * @description The service whose link the codes open
             */
            service_id: string;
            /**
             * Count
             * @description How many codes to make
             */
            count: number;
            /**
             * Label
             * @example Cards for the Tuesday clinic
             */
            label?: string | null;
        };
        /**
         * AccessCodesCreated
         * @description The codes are shown this once: only their keyed hashes are kept.
         */
        AccessCodesCreated: {
            batch: components["schemas"]["AccessCodeBatchRead"];
            /** Codes */
            codes: components["schemas"]["AccessCodeCard"][];
        };
        /** ActionCreate */
        ActionCreate: {
            /**
             * Partnership Id
             * Format: uuid
             */
            partnership_id: string;
            title: components["schemas"]["TitleText"];
            description: components["schemas"]["BilingualText"];
            /** @description The public "you said, we did" summary */
            summary?: components["schemas"]["BilingualText"] | null;
            /** @description Where it came from; defaults to `service_user` when a service user or carer proposes it, otherwise `staff` */
            origin?: components["schemas"]["ActionOrigin"] | null;
            /** Evidence */
            evidence?: components["schemas"]["EvidenceIn"][];
            /**
             * Responsibilities
             * @description Exactly one lead and any number supporting (or none yet)
             */
            responsibilities?: components["schemas"]["ResponsibilityIn"][];
            /**
             * Standard Id
             * @description The NSF standard; defaults to that of a linked indicator
             */
            standard_id?: string | null;
            /** Due Date */
            due_date?: string | null;
        };
        /**
         * ActionCreatedEvent
         * @description An improvement action was proposed or agreed.
         */
        ActionCreatedEvent: {
            /**
             * Id
             * Format: uuid
             * @description The event's id; also the `webhook-id` header
             */
            id: string;
            /**
             * Timestamp
             * Format: date-time
             * @description When the change happened (RFC 3339, UTC)
             */
            timestamp: string;
            /**
             * Type
             * @constant
             */
            type: "action.created";
            data: components["schemas"]["ActionCreatedEventData"];
        };
        /** ActionCreatedEventData */
        ActionCreatedEventData: {
            /**
             * Organisation Id
             * Format: uuid
             * @description The organisation whose record changed
             */
            organisation_id: string;
            /**
             * Action Id
             * Format: uuid
             */
            action_id: string;
            /** Title */
            title: string;
            /**
             * Status
             * @example proposed
             */
            status: string;
            /**
             * Source
             * @description Where it came from
             * @example service_user
             */
            source: string;
        };
        /**
         * ActionOrigin
         * @enum {string}
         */
        ActionOrigin: "service_user" | "survey_finding" | "indicator_signal" | "staff";
        /** ActionPage */
        ActionPage: {
            /** Items */
            items: components["schemas"]["ActionRead"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` to get the next page; null on the last page
             */
            next_cursor: string | null;
            /**
             * Next
             * @description The full URL of the next page; null on the last page
             */
            next: string | null;
        };
        /** ActionRead */
        ActionRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Partnership Id
             * Format: uuid
             */
            partnership_id: string;
            title: components["schemas"]["LocalText"];
            description: components["schemas"]["LocalText"];
            summary: components["schemas"]["LocalText"];
            origin: components["schemas"]["ActionOrigin"];
            status: components["schemas"]["ActionStatus"];
            /** @description Said publicly: why it was not taken forward, or (completed) what was done */
            closure_reason: components["schemas"]["LocalText"] | null;
            /** Standard Id */
            standard_id: string | null;
            /** Due Date */
            due_date: string | null;
            /**
             * Overdue
             * @description Due date passed and not completed or not taken forward
             */
            overdue: boolean;
            /**
             * Progress
             * @description Percentage of the latest update, 0-100
             */
            progress: number;
            /** Proposed By Id */
            proposed_by_id: string | null;
            /** Proposer Role */
            proposer_role: string;
            /**
             * Proposer Organisation Id
             * Format: uuid
             */
            proposer_organisation_id: string;
            /** Evidence */
            evidence: components["schemas"]["EvidenceRead"][];
            /** Responsibilities */
            responsibilities: components["schemas"]["ResponsibilityRead"][];
            /** Support Count */
            support_count: number;
            /** Service User Support Count */
            service_user_support_count: number;
            /**
             * Service User Support Share
             * @description Share of supporters who are service users (0-1); null with no supporters
             */
            service_user_support_share: number | null;
            /** Supported By Me */
            supported_by_me: boolean;
            /**
             * Allowed Transitions
             * @description Statuses the action may move to next (whoever you are)
             */
            allowed_transitions: components["schemas"]["ActionStatus"][];
            /** Decided At */
            decided_at: string | null;
            /** Completed At */
            completed_at: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Version */
            version: number;
        };
        /**
         * ActionStatus
         * @enum {string}
         */
        ActionStatus: "proposed" | "under_review" | "agreed" | "in_progress" | "completed" | "not_taken_forward";
        /**
         * ActionStatusChangedEvent
         * @description An improvement action moved to another status.
         */
        ActionStatusChangedEvent: {
            /**
             * Id
             * Format: uuid
             * @description The event's id; also the `webhook-id` header
             */
            id: string;
            /**
             * Timestamp
             * Format: date-time
             * @description When the change happened (RFC 3339, UTC)
             */
            timestamp: string;
            /**
             * Type
             * @constant
             */
            type: "action.status_changed";
            data: components["schemas"]["ActionStatusChangedEventData"];
        };
        /** ActionStatusChangedEventData */
        ActionStatusChangedEventData: {
            /**
             * Organisation Id
             * Format: uuid
             * @description The organisation whose record changed
             */
            organisation_id: string;
            /**
             * Action Id
             * Format: uuid
             */
            action_id: string;
            /**
             * Previous Status
             * @example agreed
             */
            previous_status: string;
            /**
             * Status
             * @example in_progress
             */
            status: string;
        };
        /** ActionUpdatePatch */
        ActionUpdatePatch: {
            title?: components["schemas"]["TitleText"] | null;
            description?: components["schemas"]["BilingualText"] | null;
            summary?: components["schemas"]["BilingualText"] | null;
            /** Standard Id */
            standard_id?: string | null;
            /** Due Date */
            due_date?: string | null;
        };
        /**
         * ActorType
         * @enum {string}
         */
        ActorType: "user" | "api_client" | "anonymous" | "system";
        /**
         * Agenda
         * @description What needs the signed-in person, and what changed; every list is theirs alone.
         */
        Agenda: {
            /**
             * Today
             * Format: date
             * @description The day (UTC) overdue days are counted to
             */
            today: string;
            reviews: components["schemas"]["Reviews"];
            suggestions: components["schemas"]["Suggestions"];
            responsibilities: components["schemas"]["Responsibilities"];
            signals: components["schemas"]["Signals"];
            overdue: components["schemas"]["Overdue"];
            changes: components["schemas"]["Changes"];
        };
        /** AnnotationCreate */
        AnnotationCreate: {
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            /** Service Id */
            service_id?: string | null;
            /**
             * On Date
             * Format: date
             * @description Today or earlier: an annotation marks what happened
             */
            on_date: string;
            text: components["schemas"]["WrittenText"];
        };
        /** AnnotationRead */
        AnnotationRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Indicator Id
             * Format: uuid
             */
            indicator_id: string;
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            /** Service Id */
            service_id: string | null;
            /**
             * On Date
             * Format: date
             */
            on_date: string;
            text: components["schemas"]["LocalizedText"];
            /** Kind */
            kind: string;
            /**
             * Created By Id
             * @description Its author, who alone may change or remove it (null: made automatically)
             */
            created_by_id: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Version
             * @description Its ETag's value: send it in If-Match to change or remove it
             */
            version: number;
        };
        /**
         * AnnotationUpdate
         * @description What its author may change: the day and the words (neither may be null).
         */
        AnnotationUpdate: {
            /**
             * On Date
             * @description Today or earlier
             */
            on_date?: string | null;
            text?: components["schemas"]["WrittenText"] | null;
        };
        /**
         * Anonymity
         * @enum {string}
         */
        Anonymity: "anonymous" | "pseudonymous" | "identified";
        /** AnswerRead */
        AnswerRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Question Key */
            question_key: string;
            /** Value */
            value: unknown;
            moderation: components["schemas"]["Moderation"] | null;
        };
        /** ApiClientCreate */
        ApiClientCreate: {
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            /**
             * Name
             * @example Trust patient administration system
             */
            name: string;
            /** Scopes */
            scopes: components["schemas"]["Scope"][];
        };
        /** ApiClientPage */
        ApiClientPage: {
            /** Items */
            items: components["schemas"]["ApiClientRead"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` to get the next page; null on the last page
             */
            next_cursor: string | null;
            /**
             * Next
             * @description The full URL of the next page; null on the last page
             */
            next: string | null;
        };
        /** ApiClientRead */
        ApiClientRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            /** Name */
            name: string;
            /**
             * Client Id
             * @description Public identifier, used as `client_id` at the token endpoint
             */
            client_id: string;
            /** Scopes */
            scopes: components["schemas"]["Scope"][];
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "revoked";
            /** Created By Id */
            created_by_id: string | null;
            /** Secret Rotated At */
            secret_rotated_at: string | null;
            /** Last Used At */
            last_used_at: string | null;
            /** Revoked At */
            revoked_at: string | null;
            /** Version */
            version: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** ApiClientUpdate */
        ApiClientUpdate: {
            /** Name */
            name?: string | null;
            /** Scopes */
            scopes?: components["schemas"]["Scope"][] | null;
        };
        /** ApiClientWithSecret */
        ApiClientWithSecret: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            /** Name */
            name: string;
            /**
             * Client Id
             * @description Public identifier, used as `client_id` at the token endpoint
             */
            client_id: string;
            /** Scopes */
            scopes: components["schemas"]["Scope"][];
            /**
             * Status
             * @enum {string}
             */
            status: "active" | "revoked";
            /** Created By Id */
            created_by_id: string | null;
            /** Secret Rotated At */
            secret_rotated_at: string | null;
            /** Last Used At */
            last_used_at: string | null;
            /** Revoked At */
            revoked_at: string | null;
            /** Version */
            version: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * Client Secret
             * @description Shown only in this answer; store it now
             */
            client_secret: string;
        };
        /** AuditEventPage */
        AuditEventPage: {
            /** Items */
            items: components["schemas"]["AuditEventRead"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` to get the next page; null on the last page
             */
            next_cursor: string | null;
            /**
             * Next
             * @description The full URL of the next page; null on the last page
             */
            next: string | null;
        };
        /** AuditEventRead */
        AuditEventRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
            actor_type: components["schemas"]["ActorType"];
            /** Actor Id */
            actor_id: string | null;
            /** Actor Label */
            actor_label: string;
            /** Action */
            action: string;
            /** Record Type */
            record_type: string;
            /** Record Id */
            record_id: string;
            /** Organisation Id */
            organisation_id: string | null;
            /** Partnership Id */
            partnership_id: string | null;
            /** Changes */
            changes: {
                [key: string]: unknown;
            };
            /** Request Id */
            request_id: string | null;
            /** Client Address */
            client_address: string | null;
        };
        /**
         * BilingualText
         * @description Longer text in English or Welsh, or both.
         */
        BilingualText: {
            /** En */
            en?: string | null;
            /** Cy */
            cy?: string | null;
        };
        /**
         * CampaignClosedEvent
         * @description A campaign closed: its results are final.
         */
        CampaignClosedEvent: {
            /**
             * Id
             * Format: uuid
             * @description The event's id; also the `webhook-id` header
             */
            id: string;
            /**
             * Timestamp
             * Format: date-time
             * @description When the change happened (RFC 3339, UTC)
             */
            timestamp: string;
            /**
             * Type
             * @constant
             */
            type: "campaign.closed";
            data: components["schemas"]["CampaignClosedEventData"];
        };
        /** CampaignClosedEventData */
        CampaignClosedEventData: {
            /**
             * Organisation Id
             * Format: uuid
             * @description The organisation whose record changed
             */
            organisation_id: string;
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /**
             * Instrument Version Id
             * Format: uuid
             */
            instrument_version_id: string;
            /**
             * Closed At
             * Format: date-time
             */
            closed_at: string;
        };
        /**
         * CampaignCreate
         * @description A campaign is named in English or in Welsh, or both (at least one of `name` and
         *     `name_cy`).
         */
        CampaignCreate: {
            /**
             * Instrument Version Id
             * Format: uuid
             * @description A published version
             */
            instrument_version_id: string;
            /**
             * Name
             * @example CMHT experience, spring 2027
             */
            name?: string | null;
            /**
             * Name Cy
             * @example Profiad y TIMC, gwanwyn 2027
             */
            name_cy?: string | null;
            /**
             * Opens At
             * Format: date-time
             */
            opens_at: string;
            /**
             * Closes At
             * Format: date-time
             * @description After `opens_at` (a campaign that closes when or before it opens is refused 422, naming `body.closes_at`)
             */
            closes_at: string;
            /** Service Ids */
            service_ids: string[];
            /**
             * Channels
             * @description Default: `["web"]`.
             */
            channels?: components["schemas"]["Channel"][];
            /** @description Default: `"anonymous"`. */
            anonymity?: components["schemas"]["Anonymity"];
            /**
             * Min Cell Size
             * @description Never below 3 Default: `5`.
             */
            min_cell_size?: number;
            /**
             * Languages
             * @description Default: every language of the instrument
             */
            languages?: ("en" | "cy")[] | null;
            /**
             * Requires Access Code
             * @description Web respondents need a single-use access code (made with `createAccessCodes`, printed on cards or sent by text) Default: `false`.
             */
            requires_access_code?: boolean;
        };
        /** CampaignLink */
        CampaignLink: {
            /**
             * Service Id
             * Format: uuid
             */
            service_id: string;
            /** Service Name */
            service_name: string;
            /**
             * Service Name Cy
             * @description In Welsh, where it has a Welsh name
             */
            service_name_cy: string | null;
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            /** Public Token */
            public_token: string;
            /** Url */
            url: string;
            /** Qr Svg Url */
            qr_svg_url: string;
            /**
             * Response Count
             * @description Responses released for this service, as published (slightly adjusted; null while held back)
             */
            response_count: number | null;
        };
        /** CampaignPage */
        CampaignPage: {
            /** Items */
            items: components["schemas"]["CampaignRead"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` to get the next page; null on the last page
             */
            next_cursor: string | null;
            /**
             * Next
             * @description The full URL of the next page; null on the last page
             */
            next: string | null;
        };
        /** CampaignRead */
        CampaignRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            /**
             * Instrument Id
             * Format: uuid
             */
            instrument_id: string;
            /**
             * Instrument Version Id
             * Format: uuid
             */
            instrument_version_id: string;
            /**
             * Name
             * @description In English (null when named in Welsh only)
             */
            name: string | null;
            /**
             * Name Cy
             * @description In Welsh (null when named in English only)
             */
            name_cy: string | null;
            /**
             * Opens At
             * Format: date-time
             */
            opens_at: string;
            /**
             * Closes At
             * Format: date-time
             */
            closes_at: string;
            /**
             * State
             * @enum {string}
             */
            state: "scheduled" | "open" | "closed";
            /** Channels */
            channels: components["schemas"]["Channel"][];
            anonymity: components["schemas"]["Anonymity"];
            /** Min Cell Size */
            min_cell_size: number;
            /** Languages */
            languages: string[];
            /** Requires Access Code */
            requires_access_code: boolean;
            /** Service Ids */
            service_ids: string[];
            /**
             * Response Count
             * @description Responses released in the services you can see, as published (slightly adjusted; null while held back)
             */
            response_count: number | null;
            /** Created By Id */
            created_by_id: string | null;
            /** Version */
            version: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** CampaignResults */
        CampaignResults: {
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /**
             * Period
             * @enum {string}
             */
            period: "all" | "month" | "week";
            /** Min Cell Size */
            min_cell_size: number;
            disclosure: components["schemas"]["Disclosure"];
            /** Service Ids */
            service_ids: string[];
            /** Periods */
            periods: components["schemas"]["PeriodResult"][];
            /**
             * Comments
             * @description Published free text only
             */
            comments: components["schemas"]["Comment"][];
        };
        /** CampaignUpdate */
        CampaignUpdate: {
            /**
             * Name
             * @description null clears it, if the campaign keeps its other name
             */
            name?: string | null;
            /**
             * Name Cy
             * @description null clears it, if the campaign keeps its other name
             */
            name_cy?: string | null;
            /** Opens At */
            opens_at?: string | null;
            /**
             * Closes At
             * @description After the opening (as it stands after this change), or 422
             */
            closes_at?: string | null;
            /** Min Cell Size */
            min_cell_size?: number | null;
            /** Requires Access Code */
            requires_access_code?: boolean | null;
        };
        /**
         * Changes
         * @description Your latest notifications, newest first.
         */
        Changes: {
            /**
             * Unread
             * @description Unread notifications, counted up to 99
             */
            unread: number;
            /**
             * Unread More
             * @description There are more unread than `unread` says
             */
            unread_more: boolean;
            /** Items */
            items: components["schemas"]["NotificationRead"][];
            /**
             * Link
             * @default /notifications
             */
            link: string;
        };
        /**
         * Channel
         * @enum {string}
         */
        Channel: "web" | "partner" | "paper";
        /** ChartPoint */
        ChartPoint: {
            /**
             * Period Start
             * Format: date
             */
            period_start: string;
            /**
             * Period End
             * Format: date
             */
            period_end: string;
            /** Value */
            value: number;
            /** Mean */
            mean: number;
            /** Upper Limit */
            upper_limit: number;
            /** Lower Limit */
            lower_limit: number;
            /**
             * Upper Band
             * @description Near-limit band: mean + (2/3)(limit - mean)
             */
            upper_band: number;
            /** Lower Band */
            lower_band: number;
            /** Moving Range */
            moving_range: number | null;
            /** Special Cause */
            special_cause: ("outside_limits" | "trend" | "two_of_three" | "shift") | null;
            /** Nature */
            nature: ("improvement" | "concern" | "neutral") | null;
            /** Side */
            side: ("high" | "low") | null;
        };
        /**
         * ChartRead
         * @description An XmR (statistical process control) chart: every point with its limits and flags.
         */
        ChartRead: {
            /**
             * Indicator Id
             * Format: uuid
             */
            indicator_id: string;
            /** Organisation Id */
            organisation_id: string | null;
            /** Service Id */
            service_id: string | null;
            direction: components["schemas"]["Direction"];
            /** Target */
            target: number | null;
            /** Unit */
            unit: string;
            /**
             * Variation
             * @description From the last point: common_cause, special_cause_improving_high/low, special_cause_concerning_high/low, special_cause_neither_high/low
             */
            variation: string | null;
            /** Assurance */
            assurance: ("consistently_passing" | "consistently_failing" | "hit_and_miss") | null;
            /** Warnings */
            warnings: string[];
            /** Settings */
            settings: {
                [key: string]: unknown;
            };
            /** Points */
            points: components["schemas"]["ChartPoint"][];
            /** Annotations */
            annotations?: components["schemas"]["AnnotationRead"][];
        };
        /** CodesignSettings */
        CodesignSettings: {
            /** Open */
            open: boolean;
            /**
             * Organisation Ids
             * @description Organisations (e.g. the service user forum) whose members may contribute
             */
            organisation_ids?: string[];
        };
        /** Comment */
        Comment: {
            /** Question Key */
            question_key: string;
            /** Text */
            text: string;
            /**
             * Service Id
             * Format: uuid
             */
            service_id: string;
            /**
             * Answer Id
             * Format: uuid
             * @description Cite it as an improvement action's evidence
             */
            answer_id: string;
        };
        /** CommentPage */
        CommentPage: {
            /** Items */
            items: components["schemas"]["CommentRead"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` to get the next page; null on the last page
             */
            next_cursor: string | null;
            /**
             * Next
             * @description The full URL of the next page; null on the last page
             */
            next: string | null;
        };
        /** CommentRead */
        CommentRead: {
            /**
             * Answer Id
             * Format: uuid
             */
            answer_id: string;
            /**
             * Response Id
             * Format: uuid
             */
            response_id: string;
            /**
             * Service Id
             * Format: uuid
             */
            service_id: string;
            /** Question Key */
            question_key: string;
            /** Text */
            text: string;
            moderation: components["schemas"]["Moderation"];
            /** Moderation Note */
            moderation_note: string | null;
            /** Moderated At */
            moderated_at: string | null;
            /**
             * Submitted At
             * Format: date-time
             */
            submitted_at: string;
        };
        /**
         * Condition
         * @description Show the question only if an earlier question's answer is one of ``values``.
         */
        Condition: {
            /** Question */
            question: string;
            /** Values */
            values: string[];
        };
        /** ContributionAccept */
        ContributionAccept: {
            /** @description The question to add (edited from the suggestion); required for a topic or for a suggestion without a full question */
            question?: components["schemas"]["Question"] | null;
            /** Reason */
            reason?: string | null;
        };
        /** ContributionCreate */
        ContributionCreate: {
            kind: components["schemas"]["ContributionKind"];
            /**
             * Body
             * @description The topic, the suggested wording, or the comment
             */
            body: string;
            /**
             * Language
             * @description The language the body and rationale are written in; an accepted suggestion's wording goes into the question in this language
             */
            language?: ("en" | "cy") | null;
            /**
             * Rationale
             * @description Why it matters
             */
            rationale?: string | null;
            /**
             * Question Key
             * @description For a comment: the question
             */
            question_key?: string | null;
            /** @description For a question suggestion: a full question, if the author has one */
            proposed_question?: components["schemas"]["Question"] | null;
        };
        /** ContributionDecline */
        ContributionDecline: {
            /**
             * Reason
             * @description Shown to the author
             */
            reason: string;
        };
        /**
         * ContributionKind
         * @enum {string}
         */
        ContributionKind: "topic" | "question" | "comment";
        /** ContributionPage */
        ContributionPage: {
            /** Items */
            items: components["schemas"]["ContributionRead"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` to get the next page; null on the last page
             */
            next_cursor: string | null;
            /**
             * Next
             * @description The full URL of the next page; null on the last page
             */
            next: string | null;
        };
        /** ContributionRead */
        ContributionRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Version Id
             * Format: uuid
             */
            version_id: string;
            /**
             * Instrument Id
             * Format: uuid
             */
            instrument_id: string;
            kind: components["schemas"]["ContributionKind"];
            /**
             * Author Id
             * Format: uuid
             */
            author_id: string;
            /** Author Display Name */
            author_display_name: string;
            /** Author Role */
            author_role: string;
            /**
             * Author Organisation Id
             * Format: uuid
             */
            author_organisation_id: string;
            /** Question Key */
            question_key: string | null;
            /** Body */
            body: string;
            /**
             * Language
             * @description en or cy: the language it was written in (null if not recorded)
             */
            language: string | null;
            /** Rationale */
            rationale: string | null;
            proposed_question: components["schemas"]["Question"] | null;
            status: components["schemas"]["ContributionStatus"];
            /** Decision Reason */
            decision_reason: string | null;
            /** Decided At */
            decided_at: string | null;
            /** Votes */
            votes: number;
            /** Voted By Me */
            voted_by_me: boolean;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
        };
        /**
         * ContributionStatus
         * @enum {string}
         */
        ContributionStatus: "open" | "accepted" | "declined";
        /** CurrentUserUpdate */
        CurrentUserUpdate: {
            /** Display Name */
            display_name?: string | null;
            language?: components["schemas"]["Language"] | null;
        };
        /**
         * DeliveryStatus
         * @enum {string}
         */
        DeliveryStatus: "pending" | "delivered" | "failed";
        /**
         * DigestFrequency
         * @description How often a person is e-mailed what they have not read: never unless they ask.
         * @enum {string}
         */
        DigestFrequency: "off" | "daily" | "weekly";
        /**
         * Direction
         * @enum {string}
         */
        Direction: "higher_is_better" | "lower_is_better" | "neutral";
        /**
         * Disclosure
         * @description How the numbers are protected (see the disclosure-control documentation).
         */
        Disclosure: {
            /**
             * Method
             * @default cell_key_perturbation
             * @constant
             */
            method: "cell_key_perturbation";
            /**
             * Max Change
             * @description No published count differs from the true one by more
             */
            max_change: number;
            /**
             * Variance
             * @description The variance of the change
             */
            variance: number;
            /**
             * Min Cell Size
             * @description Published counts below this are held back
             */
            min_cell_size: number;
            /**
             * Releases
             * @description `batched`: results move on only when at least `min_cell_size` new responses (or changes) can be counted together in a service (and in its week and month); `per_response` for identified-with-consent campaigns
             * @enum {string}
             */
            releases: "per_response" | "batched";
            /**
             * Released On
             * @description The last day the results of the services in scope moved on
             */
            released_on: string | null;
        };
        /**
         * EvidenceIn
         * @description What an action rests on: a campaign's results, one question of them, an indicator, or
         *     a moderated (published) free-text comment. Each must exist and be visible to you. Each
         *     kind takes exactly its fields (the others absent or null): `campaign_result` campaign_id;
         *     `question` campaign_id and question_key; `indicator` indicator_id; `comment` answer_id.
         */
        EvidenceIn: {
            kind: components["schemas"]["EvidenceKind"];
            /**
             * Campaign Id
             * @description For `campaign_result` and `question`
             */
            campaign_id?: string | null;
            /**
             * Question Key
             * @description For `question`
             */
            question_key?: string | null;
            /**
             * Indicator Id
             * @description For `indicator`
             */
            indicator_id?: string | null;
            /**
             * Answer Id
             * @description For `comment`: a published free-text answer
             */
            answer_id?: string | null;
        };
        /**
         * EvidenceKind
         * @enum {string}
         */
        EvidenceKind: "campaign_result" | "question" | "indicator" | "comment";
        /** EvidenceRead */
        EvidenceRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            kind: components["schemas"]["EvidenceKind"];
            /** Campaign Id */
            campaign_id: string | null;
            /** Question Key */
            question_key: string | null;
            /** Indicator Id */
            indicator_id: string | null;
            /** Answer Id */
            answer_id: string | null;
        };
        /** FrameworkRead */
        FrameworkRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Code */
            code: string;
            title: components["schemas"]["LocalizedText"];
            description: components["schemas"]["LocalizedText"];
            /** Standards */
            standards: components["schemas"]["StandardRead"][];
        };
        /** Health */
        Health: {
            /** Status */
            status: string;
        };
        /** HeldDecision */
        HeldDecision: {
            /** Response Ids */
            response_ids: string[];
            /**
             * Decision
             * @description `approve` counts them (at the next release), `reject` deletes them
             * @enum {string}
             */
            decision: "approve" | "reject";
        };
        /** HeldDecisionResult */
        HeldDecisionResult: {
            /** Decided */
            decided: number;
            /**
             * Decision
             * @enum {string}
             */
            decision: "approve" | "reject";
        };
        /**
         * ImportCompletedEvent
         * @description An import job finished (successfully or not); fetch it for the summary's errors.
         */
        ImportCompletedEvent: {
            /**
             * Id
             * Format: uuid
             * @description The event's id; also the `webhook-id` header
             */
            id: string;
            /**
             * Timestamp
             * Format: date-time
             * @description When the change happened (RFC 3339, UTC)
             */
            timestamp: string;
            /**
             * Type
             * @constant
             */
            type: "import.completed";
            data: components["schemas"]["ImportCompletedEventData"];
        };
        /** ImportCompletedEventData */
        ImportCompletedEventData: {
            /**
             * Organisation Id
             * Format: uuid
             * @description The organisation whose record changed
             */
            organisation_id: string;
            /**
             * Import Id
             * Format: uuid
             */
            import_id: string;
            /**
             * Status
             * @description How the job ended: every row taken, some rows refused, or nothing taken
             * @example completed_with_errors
             * @enum {string}
             */
            status: "completed" | "completed_with_errors" | "failed";
            /**
             * Failure Reason
             * @description Why a failed job took nothing
             */
            failure_reason?: string | null;
            /**
             * Rows
             * @description Rows read from the file
             * @default 0
             */
            rows: number;
            /** Imported */
            imported: number;
            /** Updated */
            updated: number;
            /** Ignored */
            ignored: number;
            /** Rejected */
            rejected: number;
        };
        /** ImportCounts */
        ImportCounts: {
            /**
             * Imported
             * @default 0
             */
            imported: number;
            /**
             * Updated
             * @default 0
             */
            updated: number;
            /**
             * Ignored
             * @default 0
             */
            ignored: number;
            /**
             * Rejected
             * @default 0
             */
            rejected: number;
        };
        /** ImportJobPage */
        ImportJobPage: {
            /** Items */
            items: components["schemas"]["ImportJobRead"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` to get the next page; null on the last page
             */
            next_cursor: string | null;
            /**
             * Next
             * @description The full URL of the next page; null on the last page
             */
            next: string | null;
        };
        /** ImportJobRead */
        ImportJobRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            /**
             * Kind
             * @enum {string}
             */
            kind: "responses" | "measurements";
            /**
             * Format
             * @enum {string}
             */
            format: "csv" | "ndjson" | "fhir";
            /**
             * Mode
             * @enum {string}
             */
            mode: "best_effort" | "atomic";
            /** Campaign Id */
            campaign_id: string | null;
            /** File Bytes */
            file_bytes: number;
            /** Sha256 */
            sha256: string;
            /**
             * Encoding
             * @description How the file's bytes are read: the charset the upload declared, or, when none, UTF-8 if the file is valid UTF-8 and otherwise windows-1252 (CSV only)
             * @enum {string}
             */
            encoding: "utf-8" | "windows-1252" | "iso-8859-15";
            /** @description `queued`, `running`, then how it ended: `completed` (every row taken: imported, updated or already stored), `completed_with_errors` (some rows refused: see `errors_url` and `refused_rows_url`) or `failed` (nothing taken, `failure_reason` says why: every row refused, no rows, a file that cannot be read, an atomic import with a refused row, or processing stopped) */
            state: components["schemas"]["ImportState"];
            /**
             * Phase
             * @description atomic imports check every row first (nothing written), then apply
             * @enum {string}
             */
            phase: "check" | "apply";
            /**
             * Rows Total
             * @description Estimated from the file until processing ends
             */
            rows_total: number;
            /** Rows Processed */
            rows_processed: number;
            summary: components["schemas"]["ImportCounts"];
            /** Failure Reason */
            failure_reason: string | null;
            /**
             * Errors Url
             * @description The refused rows by number, as CSV (one line a problem)
             */
            errors_url: string;
            /**
             * Refused Rows Url
             * @description CSV imports: the refused rows as they were in the file, with their problems in a trailing `gwella_errors` column, to fix and upload again as it is; null once their cells are removed, a day after the job ended
             */
            refused_rows_url: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Started At */
            started_at: string | null;
            /** Finished At */
            finished_at: string | null;
        };
        /**
         * ImportState
         * @enum {string}
         */
        ImportState: "queued" | "running" | "completed" | "completed_with_errors" | "failed";
        /** ImportSummary */
        ImportSummary: {
            /**
             * Status
             * @description completed: nothing rejected; partial: some items rejected, the rest stored (best_effort); failed: nothing stored (atomic with rejections, or all rejected)
             * @enum {string}
             */
            status: "completed" | "partial" | "failed";
            /** Dry Run */
            dry_run: boolean;
            /** Imported */
            imported: number;
            /** Updated */
            updated: number;
            /** Ignored */
            ignored: number;
            /** Rejected */
            rejected: number;
            /** Errors */
            errors: components["schemas"]["ItemError"][];
        };
        /** IndicatorCreate */
        IndicatorCreate: {
            /**
             * Code
             * @example SU-INVOLVED
             */
            code: string;
            name: components["schemas"]["WrittenText"];
            definition?: components["schemas"]["LocalizedText"] | null;
            /**
             * Unit
             * @example %
             */
            unit: string;
            direction: components["schemas"]["Direction"];
            /** Target */
            target?: number | null;
            /** Standard Id */
            standard_id?: string | null;
            /**
             * Organisation Id
             * @description Owner; none for a shared definition (platform admins only)
             */
            organisation_id?: string | null;
        };
        /** IndicatorLatest */
        IndicatorLatest: {
            indicator: components["schemas"]["IndicatorRead"];
            /**
             * Units
             * @description Empty when nothing is measured yet
             */
            units: components["schemas"]["IndicatorUnitLatest"][];
        };
        /** IndicatorPage */
        IndicatorPage: {
            /** Items */
            items: components["schemas"]["IndicatorRead"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` to get the next page; null on the last page
             */
            next_cursor: string | null;
            /**
             * Next
             * @description The full URL of the next page; null on the last page
             */
            next: string | null;
        };
        /** IndicatorRead */
        IndicatorRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Code */
            code: string;
            name: components["schemas"]["LocalizedText"];
            definition: components["schemas"]["LocalizedText"];
            /** Unit */
            unit: string;
            direction: components["schemas"]["Direction"];
            /** Target */
            target: number | null;
            /** Standard Id */
            standard_id: string | null;
            /** Organisation Id */
            organisation_id: string | null;
            /** Version */
            version: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * IndicatorSignalEvent
         * @description An indicator's chart shows a special cause (improvement or concern).
         */
        IndicatorSignalEvent: {
            /**
             * Id
             * Format: uuid
             * @description The event's id; also the `webhook-id` header
             */
            id: string;
            /**
             * Timestamp
             * Format: date-time
             * @description When the change happened (RFC 3339, UTC)
             */
            timestamp: string;
            /**
             * Type
             * @constant
             */
            type: "indicator.signal";
            data: components["schemas"]["IndicatorSignalEventData"];
        };
        /** IndicatorSignalEventData */
        IndicatorSignalEventData: {
            /**
             * Organisation Id
             * Format: uuid
             * @description The organisation whose record changed
             */
            organisation_id: string;
            /**
             * Indicator Id
             * Format: uuid
             */
            indicator_id: string;
            /** Service Id */
            service_id?: string | null;
            /**
             * Period End
             * Format: date
             * @description The period of the point that raised the signal
             */
            period_end: string;
            /**
             * Signal
             * @enum {string}
             */
            signal: "improvement" | "concern";
            /**
             * Rule
             * @description The special-cause rule that fired (Making Data Count XmR)
             * @enum {string}
             */
            rule: "outside_limits" | "trend" | "two_of_three" | "shift";
            /** Value */
            value: number;
        };
        /**
         * IndicatorUnitLatest
         * @description One organisation's or service's series of an indicator: its latest value and icons.
         */
        IndicatorUnitLatest: {
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            /** Organisation Name */
            organisation_name: string;
            /**
             * Organisation Name Cy
             * @description In Welsh, where it has a Welsh name
             */
            organisation_name_cy: string | null;
            /** Service Id */
            service_id: string | null;
            /** Service Name */
            service_name: string | null;
            /**
             * Service Name Cy
             * @description In Welsh, where it has a Welsh name
             */
            service_name_cy: string | null;
            /**
             * Latest Period Start
             * Format: date
             */
            latest_period_start: string;
            /**
             * Latest Period End
             * Format: date
             */
            latest_period_end: string;
            /** Latest Value */
            latest_value: number;
            /**
             * Points
             * @description Points on the chart the icons come from
             */
            points: number;
            /**
             * Variation
             * @description As in the chart: common_cause, special_cause_...
             */
            variation: string | null;
            /** Assurance */
            assurance: ("consistently_passing" | "consistently_failing" | "hit_and_miss") | null;
        };
        /** IngestMeasurementItem */
        IngestMeasurementItem: {
            /**
             * External Id
             * @description The partner system's own id for this measurement (unique in your organisation): read it back, sync and retract by it. A measurement has one: an id already given to another indicator, unit or period is refused (`external_id_conflict`)
             */
            external_id?: string | null;
            /**
             * Indicator
             * @description The indicator's code
             */
            indicator: string;
            /**
             * Organisation
             * @description Your organisation, by id or `scheme:code`; default: the client's own
             */
            organisation?: string | null;
            /**
             * Service
             * @description One of the organisation's services, by id or code
             */
            service?: string | null;
            /**
             * Period Start
             * Format: date
             */
            period_start: string;
            /**
             * Period End
             * Format: date
             */
            period_end: string;
            /** Value */
            value?: number | null;
            /** Numerator */
            numerator?: number | null;
            /** Denominator */
            denominator?: number | null;
        };
        /** IngestMeasurementsBatch */
        IngestMeasurementsBatch: {
            /**
             * Items
             * @description Up to 5000 items (413 beyond)
             */
            items: components["schemas"]["IngestMeasurementItem"][];
        };
        /** IngestResponseItem */
        IngestResponseItem: {
            /**
             * External Id
             * @description The partner system's own id for this response
             */
            external_id: string;
            /**
             * Service
             * @description The service, by id or by its code in your organisation
             */
            service: string;
            /**
             * Submitted At
             * Format: date-time
             */
            submitted_at: string;
            /**
             * Channel
             * @description Default: `"partner"`.
             * @constant
             */
            channel?: "partner";
            /**
             * Language
             * @description Default: `"en"`.
             * @enum {string}
             */
            language?: "en" | "cy";
            /**
             * Respondent Reference
             * @description Pseudonymous campaigns: stored only as a keyed hash. Identified campaigns (with consent): stored as given. Anonymous campaigns: refused.
             */
            respondent_reference?: string | null;
            /**
             * Consent
             * @description Default: `false`.
             */
            consent?: boolean;
            /**
             * Answers
             * @description Answers by question key, as for a web response
             */
            answers: {
                [key: string]: string | number | string[] | null;
            };
        };
        /** IngestResponsesBatch */
        IngestResponsesBatch: {
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /**
             * Items
             * @description Up to 5000 items (413 beyond)
             */
            items: components["schemas"]["IngestResponseItem"][];
        };
        /** IngestedCounts */
        IngestedCounts: {
            /** Created */
            created: number;
            /** Updated */
            updated: number;
            /** Unchanged */
            unchanged: number;
        };
        /** InstrumentContent */
        InstrumentContent: {
            /** Sections */
            sections?: components["schemas"]["Section"][];
            /** Questions */
            questions?: components["schemas"]["Question"][];
        };
        /** InstrumentCreate */
        InstrumentCreate: {
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            /**
             * Code
             * @example cmht-experience
             */
            code: string;
            title: components["schemas"]["LocalizedText"];
            description?: components["schemas"]["LocalizedText"] | null;
            /**
             * Languages
             * @description Default: `["en", "cy"]`.
             */
            languages?: ("en" | "cy")[];
            /**
             * Shared With Partnerships
             * @description Default: `false`.
             */
            shared_with_partnerships?: boolean;
            content?: components["schemas"]["InstrumentContent"];
        };
        /** InstrumentPage */
        InstrumentPage: {
            /** Items */
            items: components["schemas"]["InstrumentRead"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` to get the next page; null on the last page
             */
            next_cursor: string | null;
            /**
             * Next
             * @description The full URL of the next page; null on the last page
             */
            next: string | null;
        };
        /** InstrumentRead */
        InstrumentRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            /** Code */
            code: string;
            title: components["schemas"]["LocalizedText"];
            description: components["schemas"]["LocalizedText"];
            /** Languages */
            languages: ("en" | "cy")[];
            /** Shared With Partnerships */
            shared_with_partnerships: boolean;
            /** Created By Id */
            created_by_id: string | null;
            /** Versions */
            versions: components["schemas"]["VersionSummary"][];
            /** Version */
            version: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** InstrumentUpdate */
        InstrumentUpdate: {
            title?: components["schemas"]["LocalizedText"] | null;
            description?: components["schemas"]["LocalizedText"] | null;
            /** Shared With Partnerships */
            shared_with_partnerships?: boolean | null;
        };
        /** InvitationAccept */
        InvitationAccept: {
            /** Token */
            token: string;
            /**
             * Password
             * @description Required for a new account; ignored for an existing one
             */
            password?: string | null;
            /** Display Name */
            display_name?: string | null;
            /** @description Default: `"en"`. */
            language?: components["schemas"]["Language"];
        };
        /** InvitationCreate */
        InvitationCreate: {
            /**
             * Email
             * Format: email
             */
            email: string;
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            role: components["schemas"]["Role"];
            /** Display Name */
            display_name?: string | null;
        };
        /** InvitationCreated */
        InvitationCreated: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Email */
            email: string;
            /** Display Name */
            display_name: string | null;
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            role: components["schemas"]["Role"];
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "accepted" | "revoked" | "expired";
            /** Invited By Id */
            invited_by_id: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
            /** Accepted At */
            accepted_at: string | null;
            /** Revoked At */
            revoked_at: string | null;
            /**
             * Accept Url
             * @description Only in development (GWELLA_ENV=development); elsewhere it goes by email only
             */
            accept_url?: string | null;
            /**
             * Token
             * @description Only in development, as accept_url
             */
            token?: string | null;
        };
        /** InvitationPage */
        InvitationPage: {
            /** Items */
            items: components["schemas"]["InvitationRead"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` to get the next page; null on the last page
             */
            next_cursor: string | null;
            /**
             * Next
             * @description The full URL of the next page; null on the last page
             */
            next: string | null;
        };
        /** InvitationPreview */
        InvitationPreview: {
            /** Email */
            email: string;
            /** Display Name */
            display_name: string | null;
            /** Organisation Name */
            organisation_name: string;
            role: components["schemas"]["Role"];
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
            /**
             * Account Exists
             * @description True when the email already has an account: accepting adds the role and leaves the password as it is
             */
            account_exists: boolean;
        };
        /** InvitationRead */
        InvitationRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Email */
            email: string;
            /** Display Name */
            display_name: string | null;
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            role: components["schemas"]["Role"];
            /**
             * Status
             * @enum {string}
             */
            status: "pending" | "accepted" | "revoked" | "expired";
            /** Invited By Id */
            invited_by_id: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Expires At
             * Format: date-time
             */
            expires_at: string;
            /** Accepted At */
            accepted_at: string | null;
            /** Revoked At */
            revoked_at: string | null;
        };
        /** InvitationToken */
        InvitationToken: {
            /** Token */
            token: string;
        };
        /**
         * Involvement
         * @description How much of the co-design came from service users and carers.
         */
        Involvement: {
            suggestions: components["schemas"]["RoleCounts"];
            comments: components["schemas"]["RoleCounts"];
            votes: components["schemas"]["RoleCounts"];
            suggestions_accepted: components["schemas"]["RoleCounts"];
            /**
             * Service User And Carer Share
             * @description Share of all contributions and votes from service users and carers
             */
            service_user_and_carer_share: number | null;
        };
        /** ItemError */
        ItemError: {
            /**
             * Index
             * @description Position of the item in the batch, from 0
             */
            index: number;
            /** External Id */
            external_id: string | null;
            /**
             * Code
             * @description Why the item was refused
             * @enum {string}
             */
            code: "invalid" | "outside_window" | "access_code_required" | "duplicate_external_id" | "conflict" | "unknown_service" | "unknown_indicator" | "not_your_organisation" | "unknown_unit" | "duplicate_period" | "external_id_conflict" | "unknown_external_id" | "measurement_owned_elsewhere" | "removed_meanwhile";
            /** Detail */
            detail: string;
            /** Field */
            field?: string | null;
        };
        /**
         * Language
         * @enum {string}
         */
        Language: "en" | "cy";
        /** LocalText */
        LocalText: {
            /** En */
            en?: string | null;
            /** Cy */
            cy?: string | null;
        };
        /**
         * LocalizedText
         * @description The same text in English and in Welsh (either may be missing).
         */
        LocalizedText: {
            /** En */
            en?: string | null;
            /** Cy */
            cy?: string | null;
        };
        /** MeasurementChange */
        MeasurementChange: {
            /**
             * Op
             * @description `upsert`: created or changed (the record as it is now); `deleted`: retracted (a tombstone: id and external id only)
             * @enum {string}
             */
            op: "upsert" | "deleted";
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** External Id */
            external_id: string | null;
            /**
             * Changed At
             * Format: date-time
             * @description When it changed (the day only, for responses of anonymous campaigns)
             */
            changed_at: string;
            /** @description The measurement, for an upsert */
            record: components["schemas"]["MeasurementRead"] | null;
        };
        /** MeasurementChangePage */
        MeasurementChangePage: {
            /**
             * Next Cursor
             * @description Always given: pass it as `cursor` next time (also after an empty page, to poll for what comes later)
             */
            next_cursor: string;
            /**
             * Next
             * @description The full URL of the next call
             */
            next: string;
            /** Items */
            items: components["schemas"]["MeasurementChange"][];
        };
        /**
         * MeasurementCreatedEvent
         * @description A new indicator measurement was stored.
         */
        MeasurementCreatedEvent: {
            /**
             * Id
             * Format: uuid
             * @description The event's id; also the `webhook-id` header
             */
            id: string;
            /**
             * Timestamp
             * Format: date-time
             * @description When the change happened (RFC 3339, UTC)
             */
            timestamp: string;
            /**
             * Type
             * @constant
             */
            type: "measurement.created";
            data: components["schemas"]["MeasurementCreatedEventData"];
        };
        /** MeasurementCreatedEventData */
        MeasurementCreatedEventData: {
            /**
             * Organisation Id
             * Format: uuid
             * @description The organisation whose record changed
             */
            organisation_id: string;
            /**
             * Measurement Id
             * Format: uuid
             */
            measurement_id: string;
            /**
             * Indicator Id
             * Format: uuid
             */
            indicator_id: string;
            /** Service Id */
            service_id?: string | null;
            /**
             * Period Start
             * Format: date
             */
            period_start: string;
            /**
             * Period End
             * Format: date
             */
            period_end: string;
            /** Value */
            value?: number | null;
        };
        /** MeasurementPage */
        MeasurementPage: {
            /** Items */
            items: components["schemas"]["MeasurementRead"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` to get the next page; null on the last page
             */
            next_cursor: string | null;
            /**
             * Next
             * @description The full URL of the next page; null on the last page
             */
            next: string | null;
        };
        /** MeasurementRead */
        MeasurementRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Indicator Id
             * Format: uuid
             */
            indicator_id: string;
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            /** Service Id */
            service_id: string | null;
            /**
             * Period Start
             * Format: date
             */
            period_start: string;
            /**
             * Period End
             * Format: date
             */
            period_end: string;
            /** Value */
            value: number;
            /** Numerator */
            numerator: number | null;
            /** Denominator */
            denominator: number | null;
            source: components["schemas"]["MeasurementSource"];
            /**
             * Source Organisation Id
             * @description Pushed measurements: the organisation whose system sent it
             */
            source_organisation_id?: string | null;
            /**
             * External Id
             * @description Pushed measurements: the partner system's own id, if given
             */
            external_id?: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * MeasurementRetractedEvent
         * @description A partner system retracted a measurement it had pushed: it is gone from the charts,
         *     and the change feed shows it as a tombstone.
         */
        MeasurementRetractedEvent: {
            /**
             * Id
             * Format: uuid
             * @description The event's id; also the `webhook-id` header
             */
            id: string;
            /**
             * Timestamp
             * Format: date-time
             * @description When the change happened (RFC 3339, UTC)
             */
            timestamp: string;
            /**
             * Type
             * @constant
             */
            type: "measurement.retracted";
            data: components["schemas"]["MeasurementRetractedEventData"];
        };
        /** MeasurementRetractedEventData */
        MeasurementRetractedEventData: {
            /**
             * Organisation Id
             * Format: uuid
             * @description The organisation whose record changed
             */
            organisation_id: string;
            /**
             * Measurement Id
             * Format: uuid
             */
            measurement_id: string;
            /**
             * Indicator Id
             * Format: uuid
             */
            indicator_id: string;
            /** Service Id */
            service_id?: string | null;
            /**
             * Period Start
             * Format: date
             */
            period_start: string;
            /**
             * Period End
             * Format: date
             */
            period_end: string;
            /** External Id */
            external_id?: string | null;
        };
        /**
         * MeasurementSource
         * @enum {string}
         */
        MeasurementSource: "push" | "derived" | "manual";
        /**
         * MeasurementUpdatedEvent
         * @description A pushed measurement's value changed (a repeat with the same value raises nothing).
         */
        MeasurementUpdatedEvent: {
            /**
             * Id
             * Format: uuid
             * @description The event's id; also the `webhook-id` header
             */
            id: string;
            /**
             * Timestamp
             * Format: date-time
             * @description When the change happened (RFC 3339, UTC)
             */
            timestamp: string;
            /**
             * Type
             * @constant
             */
            type: "measurement.updated";
            data: components["schemas"]["MeasurementUpdatedEventData"];
        };
        /** MeasurementUpdatedEventData */
        MeasurementUpdatedEventData: {
            /**
             * Organisation Id
             * Format: uuid
             * @description The organisation whose record changed
             */
            organisation_id: string;
            /**
             * Measurement Id
             * Format: uuid
             */
            measurement_id: string;
            /**
             * Indicator Id
             * Format: uuid
             */
            indicator_id: string;
            /** Service Id */
            service_id?: string | null;
            /**
             * Period Start
             * Format: date
             */
            period_start: string;
            /**
             * Period End
             * Format: date
             */
            period_end: string;
            /** Value */
            value?: number | null;
            /**
             * Previous Value
             * @description The value it replaced
             */
            previous_value?: number | null;
        };
        /** MembershipCreate */
        MembershipCreate: {
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            role: components["schemas"]["Role"];
        };
        /** MembershipPage */
        MembershipPage: {
            /** Items */
            items: components["schemas"]["MembershipWithUser"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` to get the next page; null on the last page
             */
            next_cursor: string | null;
            /**
             * Next
             * @description The full URL of the next page; null on the last page
             */
            next: string | null;
        };
        /** MembershipRead */
        MembershipRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            role: components["schemas"]["Role"];
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
        };
        /** MembershipWithUser */
        MembershipWithUser: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            role: components["schemas"]["Role"];
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** User Email */
            user_email: string;
            /** User Display Name */
            user_display_name: string;
        };
        /**
         * Moderation
         * @enum {string}
         */
        Moderation: "new" | "published" | "redacted";
        /** ModerationDecision */
        ModerationDecision: {
            /**
             * Moderation
             * @enum {string}
             */
            moderation: "published" | "redacted";
            /** Note */
            note?: string | null;
        };
        /** NotificationPage */
        NotificationPage: {
            /** Items */
            items: components["schemas"]["NotificationRead"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` to get the next page; null on the last page
             */
            next_cursor: string | null;
            /**
             * Next
             * @description The full URL of the next page; null on the last page
             */
            next: string | null;
        };
        /**
         * NotificationPreferences
         * @description How often you are e-mailed a digest of the notifications you have not read.
         */
        NotificationPreferences: {
            /** @description off (the default: no e-mail), daily (07:00 UK time) or weekly (Mondays, 07:00 UK time) */
            digest: components["schemas"]["DigestFrequency"];
            /**
             * Next Digest At
             * @description When the next digest is due (sent only if something is unread); null when off
             */
            next_digest_at: string | null;
        };
        /** NotificationPreferencesUpdate */
        NotificationPreferencesUpdate: {
            /**
             * @description off, daily or weekly
             * @example daily
             */
            digest: components["schemas"]["DigestFrequency"];
        };
        /** NotificationRead */
        NotificationRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Kind */
            kind: string;
            title: components["schemas"]["LocalizedText"];
            body: components["schemas"]["LocalizedText"];
            /** Link */
            link: string | null;
            /** Record Type */
            record_type: string | null;
            /** Record Id */
            record_id: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Read At */
            read_at: string | null;
        };
        /**
         * OAuthError
         * @description An error of the token or revocation endpoint (RFC 6749 §5.2, RFC 7009 §2.2.1).
         */
        OAuthError: {
            /**
             * Error
             * @enum {string}
             */
            error: "invalid_request" | "invalid_client" | "invalid_grant" | "unauthorized_client" | "unsupported_grant_type" | "invalid_scope" | "slow_down";
            /**
             * Error Description
             * @description What went wrong, for the developer (ASCII, no quotes)
             */
            error_description?: string | null;
        };
        /** Option */
        Option: {
            /** Value */
            value: string;
            label: components["schemas"]["LocalizedText"];
        };
        /** OrganisationAccountability */
        OrganisationAccountability: {
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            /** Organisation Name */
            organisation_name: string;
            /**
             * Organisation Name Cy
             * @description In Welsh, where it has a Welsh name
             */
            organisation_name_cy: string | null;
            /**
             * Leads
             * @description Actions it leads (lead part not declined)
             */
            leads: number;
            /**
             * Supports
             * @description Actions it supports (supporting part not declined)
             */
            supports: number;
            /** Pending Acceptance */
            pending_acceptance: number;
            /**
             * On Time
             * @description Open actions not overdue
             */
            on_time: number;
            /** Overdue */
            overdue: number;
            /** Completed */
            completed: number;
            /** Not Taken Forward */
            not_taken_forward: number;
            /**
             * Median Days To Decision
             * @description Median days from proposal to agreed or not taken forward
             */
            median_days_to_decision: number | null;
            /**
             * Share From Service Users
             * @description Share of its actions that came from service users (0-1)
             */
            share_from_service_users: number | null;
            /**
             * Share Completed
             * @description Share of its actions completed (0-1)
             */
            share_completed: number | null;
        };
        /** OrganisationCreate */
        OrganisationCreate: {
            /**
             * Name
             * @example Bae Abermor University Health Board
             */
            name: string;
            /**
             * Name Cy
             * @example Bwrdd Iechyd Prifysgol Bae Abermor
             */
            name_cy?: string | null;
            kind: components["schemas"]["OrganisationKind"];
            /**
             * Code Scheme
             * @description Scheme of `code`, e.g. `ods` for an NHS ODS code
             */
            code_scheme?: string | null;
            /**
             * Code
             * @example 7A9
             */
            code?: string | null;
        };
        /**
         * OrganisationKind
         * @enum {string}
         */
        OrganisationKind: "health_board" | "nhs_trust" | "local_authority" | "third_sector" | "service_user_group" | "other";
        /** OrganisationPage */
        OrganisationPage: {
            /** Items */
            items: components["schemas"]["OrganisationRead"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` to get the next page; null on the last page
             */
            next_cursor: string | null;
            /**
             * Next
             * @description The full URL of the next page; null on the last page
             */
            next: string | null;
        };
        /** OrganisationRead */
        OrganisationRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            /** Name Cy */
            name_cy: string | null;
            kind: components["schemas"]["OrganisationKind"];
            /** Code Scheme */
            code_scheme: string | null;
            /** Code */
            code: string | null;
            /** Is Active */
            is_active: boolean;
            /** Version */
            version: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** OrganisationUpdate */
        OrganisationUpdate: {
            /** Name */
            name?: string | null;
            /** Name Cy */
            name_cy?: string | null;
            kind?: components["schemas"]["OrganisationKind"] | null;
            /** Code Scheme */
            code_scheme?: string | null;
            /** Code */
            code?: string | null;
            /** Is Active */
            is_active?: boolean | null;
        };
        /** Overdue */
        Overdue: {
            /**
             * Total
             * @description How many there are; `items` holds the first few
             */
            total: number;
            /** Items */
            items: components["schemas"]["OverdueAction"][];
        };
        /**
         * OverdueAction
         * @description An open action you carry whose due date has passed.
         */
        OverdueAction: {
            /**
             * Action Id
             * Format: uuid
             */
            action_id: string;
            /** @description The action's title */
            title: components["schemas"]["LocalizedText"];
            /** Status */
            status: string;
            /**
             * Due Date
             * Format: date
             */
            due_date: string;
            /**
             * Days Overdue
             * @description Whole days since the due date
             */
            days_overdue: number;
            /**
             * Role
             * @description Your organisation's part (or the one you own), when there is one
             */
            role: ("lead" | "supporting") | null;
            organisation: components["schemas"]["Place"] | null;
            /** Link */
            link: string;
        };
        /** PaperResponseCreate */
        PaperResponseCreate: {
            /**
             * Submission Id
             * Format: uuid
             * @description Made by the client once per filled-in form and sent again on every retry: the same id never makes a second response
             */
            submission_id: string;
            /**
             * Language
             * @description Default: `"en"`.
             * @enum {string}
             */
            language?: "en" | "cy";
            /**
             * Answers
             * @description Answers by question key: an option value, `yes`/`no`, a whole number 0-10 (rating), a number, a date `YYYY-MM-DD`, text, a list of option values (multiple choice), or `dont_know` where offered. Checked against the exact version.
             */
            answers: {
                [key: string]: string | number | string[] | null;
            };
            /**
             * Consent
             * @description Identified campaigns: the respondent agrees to be named Default: `false`.
             */
            consent?: boolean;
            /** Respondent Reference */
            respondent_reference?: string | null;
            /**
             * Access Code
             * @description A single-use access code (web responses): required when the campaign asks for one; a valid code also keeps a response out of the burst check
             * @example KMQ7R-XT3WA
             */
            access_code?: string | null;
            /**
             * Service Id
             * Format: uuid
             */
            service_id: string;
            /**
             * Completed On
             * Format: date
             * @description The day the paper form was filled in
             */
            completed_on: string;
        };
        /** PartnershipAccountability */
        PartnershipAccountability: {
            /**
             * Partnership Id
             * Format: uuid
             */
            partnership_id: string;
            /** Total */
            total: number;
            /** Overdue */
            overdue: number;
            /** By Status */
            by_status: {
                [key: string]: number;
            };
            /** By Standard */
            by_standard: components["schemas"]["StandardCount"][];
            /** Organisations */
            organisations: components["schemas"]["OrganisationAccountability"][];
        };
        /** PartnershipCreate */
        PartnershipCreate: {
            /**
             * Name
             * @example Abermor Mental Health Partnership
             */
            name: string;
            /**
             * Name Cy
             * @example Partneriaeth Iechyd Meddwl Abermor
             */
            name_cy?: string | null;
            /** Description */
            description?: string | null;
            /**
             * Description Cy
             * @description The description in Welsh
             */
            description_cy?: string | null;
            /**
             * Organisation Ids
             * @description Founding member organisations
             */
            organisation_ids?: string[];
        };
        /**
         * PartnershipIndicatorsRead
         * @description A partnership's indicators side by side, grouped by the standard they serve.
         */
        PartnershipIndicatorsRead: {
            /**
             * Partnership Id
             * Format: uuid
             */
            partnership_id: string;
            /** Standards */
            standards: components["schemas"]["StandardIndicators"][];
        };
        /** PartnershipLeadAdd */
        PartnershipLeadAdd: {
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /**
             * Organisation Id
             * Format: uuid
             * @description The member organisation the lead comes from
             */
            organisation_id: string;
        };
        /** PartnershipLeadRead */
        PartnershipLeadRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Partnership Id
             * Format: uuid
             */
            partnership_id: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /** Display Name */
            display_name: string;
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            /** Organisation Name */
            organisation_name: string;
            /**
             * Organisation Name Cy
             * @description In Welsh, where it has a Welsh name
             */
            organisation_name_cy: string | null;
            /**
             * Appointed At
             * Format: date-time
             */
            appointed_at: string;
        };
        /** PartnershipMemberAdd */
        PartnershipMemberAdd: {
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
        };
        /** PartnershipMemberPage */
        PartnershipMemberPage: {
            /** Items */
            items: components["schemas"]["PartnershipMemberRead"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` to get the next page; null on the last page
             */
            next_cursor: string | null;
            /**
             * Next
             * @description The full URL of the next page; null on the last page
             */
            next: string | null;
        };
        /** PartnershipMemberRead */
        PartnershipMemberRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Partnership Id
             * Format: uuid
             */
            partnership_id: string;
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            /** Organisation Name */
            organisation_name: string;
            /**
             * Organisation Name Cy
             * @description In Welsh, where it has a Welsh name
             */
            organisation_name_cy: string | null;
            organisation_kind: components["schemas"]["OrganisationKind"];
            /**
             * Joined At
             * Format: date-time
             */
            joined_at: string;
            /** Left At */
            left_at: string | null;
        };
        /** PartnershipPage */
        PartnershipPage: {
            /** Items */
            items: components["schemas"]["PartnershipRead"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` to get the next page; null on the last page
             */
            next_cursor: string | null;
            /**
             * Next
             * @description The full URL of the next page; null on the last page
             */
            next: string | null;
        };
        /** PartnershipRead */
        PartnershipRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Name */
            name: string;
            /** Name Cy */
            name_cy: string | null;
            /** Description */
            description: string | null;
            /** Description Cy */
            description_cy: string | null;
            /**
             * Member Count
             * @description Organisations currently in the partnership
             */
            member_count: number;
            /** Version */
            version: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** PartnershipUpdate */
        PartnershipUpdate: {
            /** Name */
            name?: string | null;
            /** Name Cy */
            name_cy?: string | null;
            /** Description */
            description?: string | null;
            /** Description Cy */
            description_cy?: string | null;
        };
        /** PasswordChange */
        PasswordChange: {
            /** Current Password */
            current_password: string;
            /** New Password */
            new_password: string;
        };
        /** PdsaCreate */
        PdsaCreate: {
            /** Objective */
            objective: string;
            /** Prediction */
            prediction: string;
            /**
             * Indicator Id
             * @description The indicator that will tell whether it is an improvement
             */
            indicator_id?: string | null;
            /**
             * Organisation Id
             * @description Whose chart of the indicator (a responsible organisation; default the lead)
             */
            organisation_id?: string | null;
            /** Service Id */
            service_id?: string | null;
            /**
             * Planned On
             * Format: date
             * @description When the cycle starts: annotated on the chart
             */
            planned_on: string;
        };
        /**
         * PdsaDecision
         * @enum {string}
         */
        PdsaDecision: "adopt" | "adapt" | "abandon";
        /** PdsaRead */
        PdsaRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Action Id
             * Format: uuid
             */
            action_id: string;
            /** Number */
            number: number;
            /** Objective */
            objective: string;
            /** Prediction */
            prediction: string;
            /** Indicator Id */
            indicator_id: string | null;
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            /** Service Id */
            service_id: string | null;
            /**
             * Planned On
             * Format: date
             */
            planned_on: string;
            /** Do Notes */
            do_notes: string | null;
            /** Done On */
            done_on: string | null;
            /** Study Notes */
            study_notes: string | null;
            /** Studied On */
            studied_on: string | null;
            decision: components["schemas"]["PdsaDecision"] | null;
            /** Act Notes */
            act_notes: string | null;
            /** Acted On */
            acted_on: string | null;
            /** Next Cycle Id */
            next_cycle_id: string | null;
            /**
             * Stage
             * @description plan, do, study, act or done
             */
            stage: string;
            /** Version */
            version: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
        };
        /**
         * PdsaUpdate
         * @description Record the next stages; each stage's date becomes an annotation on the chart.
         */
        PdsaUpdate: {
            /** Do Notes */
            do_notes?: string | null;
            /** Done On */
            done_on?: string | null;
            /** Study Notes */
            study_notes?: string | null;
            /** Studied On */
            studied_on?: string | null;
            decision?: components["schemas"]["PdsaDecision"] | null;
            /** Act Notes */
            act_notes?: string | null;
            /** Acted On */
            acted_on?: string | null;
            /**
             * Next Objective
             * @description With `decision` adopt or adapt: starts the next cycle with this objective (and the same prediction, indicator and chart)
             */
            next_objective?: string | null;
        };
        /** PeriodResult */
        PeriodResult: {
            /**
             * Period Start
             * Format: date
             */
            period_start: string;
            responses: components["schemas"]["ResponseCounts"];
            /** Questions */
            questions: components["schemas"]["QuestionResult"][];
        };
        /**
         * Place
         * @description The organisation (and service) an item belongs to, named in both languages.
         */
        Place: {
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            /** Organisation Name */
            organisation_name: string;
            /**
             * Organisation Name Cy
             * @description In Welsh, where it has a Welsh name
             */
            organisation_name_cy: string | null;
            /** Service Id */
            service_id?: string | null;
            /** Service Name */
            service_name?: string | null;
            /** Service Name Cy */
            service_name_cy?: string | null;
        };
        /** ProgressUpdateCreate */
        ProgressUpdateCreate: {
            /**
             * Organisation Id
             * @description The responsible organisation you write for (needed when you are in more than one)
             */
            organisation_id?: string | null;
            note: components["schemas"]["BilingualText"];
            /** Percent */
            percent: number;
        };
        /** ProgressUpdateRead */
        ProgressUpdateRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Action Id
             * Format: uuid
             */
            action_id: string;
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            /** Author Id */
            author_id: string | null;
            note: components["schemas"]["LocalText"];
            /** Percent */
            percent: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
        };
        /** PublicAction */
        PublicAction: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            title: components["schemas"]["LocalText"];
            /** @description "You said, we did" */
            summary: components["schemas"]["LocalText"];
            origin: components["schemas"]["ActionOrigin"];
            status: components["schemas"]["ActionStatus"];
            /** Progress */
            progress: number;
            /** Due Date */
            due_date: string | null;
            /** Overdue */
            overdue: boolean;
            /**
             * Completed On
             * @description For a completed action: the day it was
             */
            completed_on: string | null;
            /** @description For a completed action: "we did", the last progress note its organisations published up to its completion (also among `updates`) */
            we_did: components["schemas"]["LocalText"] | null;
            reason_not_taken_forward: components["schemas"]["LocalText"] | null;
            /** Organisations */
            organisations: components["schemas"]["PublicResponsibility"][];
            /** Updates */
            updates: components["schemas"]["PublicUpdate"][];
            /** Support Count */
            support_count: number;
            /** Service User Support Share */
            service_user_support_share: number | null;
        };
        /**
         * PublicActionsPage
         * @description A partnership's "you said, we did" page: no names, ids of people or emails.
         */
        PublicActionsPage: {
            partnership_name: components["schemas"]["LocalText"];
            /** Actions */
            actions: components["schemas"]["PublicAction"][];
        };
        /**
         * PublicContent
         * @description An instrument's content as the public survey page shows it (no ids of people).
         */
        PublicContent: {
            /** Sections */
            sections: components["schemas"]["Section"][];
            /** Questions */
            questions: components["schemas"]["PublicQuestion"][];
        };
        /**
         * PublicQuestion
         * @description A question as the public survey page shows it: the person whose suggestion it was is
         *     credited by their role, never by who they are.
         */
        PublicQuestion: {
            /** Key */
            key: string;
            type: components["schemas"]["QuestionType"];
            /** @description Written in English or Welsh here; saved, in each of the version's languages */
            text: components["schemas"]["WrittenText"];
            help?: components["schemas"]["LocalizedText"] | null;
            /**
             * Required
             * @default false
             */
            required: boolean;
            /**
             * Allow Dont Know
             * @description Offer 'don't know / prefer not to say'
             * @default false
             */
            allow_dont_know: boolean;
            /** Options */
            options?: components["schemas"]["Option"][];
            /**
             * Min
             * @description number: smallest accepted value (from -1e15 to 1e15)
             */
            min?: number | null;
            /**
             * Max
             * @description number: largest accepted value (from -1e15 to 1e15)
             */
            max?: number | null;
            /**
             * Max Length
             * @description free_text
             */
            max_length?: number | null;
            /** Conditions */
            conditions?: components["schemas"]["Condition"][];
            /** Section */
            section?: string | null;
            /** Indicator Code */
            indicator_code?: string | null;
            /**
             * Credited Role
             * @description The role (service_user, carer …) of the contributor whose suggestion became this question
             * @example service_user
             */
            credited_role?: string | null;
        };
        /** PublicResponsibility */
        PublicResponsibility: {
            organisation_name: components["schemas"]["LocalText"];
            role: components["schemas"]["ResponsibilityRole"];
        };
        /**
         * PublicSurvey
         * @description What the public response page needs, without signing in.
         */
        PublicSurvey: {
            /**
             * Campaign Name
             * @description In English (null when named in Welsh only)
             */
            campaign_name: string | null;
            /**
             * Campaign Name Cy
             * @description In Welsh (null when named in English only)
             */
            campaign_name_cy: string | null;
            /** Service Name */
            service_name: string;
            /** Service Name Cy */
            service_name_cy: string | null;
            /** Organisation Name */
            organisation_name: string;
            /** Organisation Name Cy */
            organisation_name_cy: string | null;
            instrument_title: components["schemas"]["LocalizedText"];
            /** Languages */
            languages: string[];
            anonymity: components["schemas"]["Anonymity"];
            /**
             * State
             * @enum {string}
             */
            state: "scheduled" | "open" | "closed";
            /**
             * Opens At
             * Format: date-time
             */
            opens_at: string;
            /**
             * Closes At
             * Format: date-time
             */
            closes_at: string;
            /**
             * Requires Access Code
             * @description Ask the respondent for their access code
             */
            requires_access_code: boolean;
            /** @description The questions; a co-designed one is credited by its contributor's role */
            content: components["schemas"]["PublicContent"];
        };
        /** PublicUpdate */
        PublicUpdate: {
            /**
             * On
             * Format: date
             */
            on: string;
            organisation_name: components["schemas"]["LocalText"];
            note: components["schemas"]["LocalText"];
            /** Percent */
            percent: number;
        };
        /** Question */
        Question: {
            /** Key */
            key: string;
            type: components["schemas"]["QuestionType"];
            /** @description Written in English or Welsh here; saved, in each of the version's languages */
            text: components["schemas"]["WrittenText"];
            help?: components["schemas"]["LocalizedText"] | null;
            /**
             * Required
             * @description Default: `false`.
             */
            required?: boolean;
            /**
             * Allow Dont Know
             * @description Offer 'don't know / prefer not to say' Default: `false`.
             */
            allow_dont_know?: boolean;
            /** Options */
            options?: components["schemas"]["Option"][];
            /**
             * Min
             * @description number: smallest accepted value (from -1e15 to 1e15)
             */
            min?: number | null;
            /**
             * Max
             * @description number: largest accepted value (from -1e15 to 1e15)
             */
            max?: number | null;
            /**
             * Max Length
             * @description free_text
             */
            max_length?: number | null;
            /** Conditions */
            conditions?: components["schemas"]["Condition"][];
            /** Section */
            section?: string | null;
            /** Indicator Code */
            indicator_code?: string | null;
            /**
             * Credited To
             * @description The id of the contributor whose suggestion became this question (shown to people signed in; the public survey names only their role)
             */
            credited_to?: string | null;
        };
        /** QuestionResult */
        QuestionResult: {
            /** Question Key */
            question_key: string;
            /** Type */
            type: string;
            /** Options */
            options: string[];
            /** Units */
            units: components["schemas"]["ResultRow"][];
            total: components["schemas"]["ResultRow"];
        };
        /**
         * QuestionType
         * @enum {string}
         */
        QuestionType: "likert" | "single_choice" | "multiple_choice" | "rating" | "yes_no" | "number" | "date" | "free_text";
        /** ResponseChange */
        ResponseChange: {
            /**
             * Op
             * @description `upsert`: created or changed (the record as it is now); `deleted`: retracted (a tombstone: id and external id only)
             * @enum {string}
             */
            op: "upsert" | "deleted";
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** External Id */
            external_id: string | null;
            /**
             * Changed At
             * Format: date-time
             * @description When it changed (the day only, for responses of anonymous campaigns)
             */
            changed_at: string;
            /** @description The response, for an upsert */
            record: components["schemas"]["ResponseRead"] | null;
        };
        /** ResponseChangePage */
        ResponseChangePage: {
            /**
             * Next Cursor
             * @description Always given: pass it as `cursor` next time (also after an empty page, to poll for what comes later)
             */
            next_cursor: string;
            /**
             * Next
             * @description The full URL of the next call
             */
            next: string;
            /** Items */
            items: components["schemas"]["ResponseChange"][];
        };
        /** ResponseCounts */
        ResponseCounts: {
            /** Units */
            units: components["schemas"]["UnitCount"][];
            /** Total */
            total: number | null;
        };
        /**
         * ResponseCreatedEvent
         * @description A response was stored: in identified-with-consent campaigns, any response (web, paper
         *     or a partner push); in anonymous and pseudonymous ones, only a partner's own pushes, to
         *     that partner (their results move on by releases: see `results.released`).
         */
        ResponseCreatedEvent: {
            /**
             * Id
             * Format: uuid
             * @description The event's id; also the `webhook-id` header
             */
            id: string;
            /**
             * Timestamp
             * Format: date-time
             * @description When the change happened (RFC 3339, UTC)
             */
            timestamp: string;
            /**
             * Type
             * @constant
             */
            type: "response.created";
            data: components["schemas"]["ResponseEventData"];
        };
        /** ResponseEventData */
        ResponseEventData: {
            /**
             * Organisation Id
             * Format: uuid
             * @description The organisation whose record changed
             */
            organisation_id: string;
            /**
             * Response Id
             * Format: uuid
             */
            response_id: string;
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /**
             * Service Id
             * Format: uuid
             */
            service_id: string;
            /**
             * Channel
             * @description `web`, `partner` or `paper`
             * @example partner
             */
            channel: string;
            /**
             * Submitted At
             * Format: date-time
             */
            submitted_at: string;
            /**
             * External Id
             * @description The partner system's own id, when pushed
             */
            external_id?: string | null;
        };
        /** ResponsePage */
        ResponsePage: {
            /** Items */
            items: components["schemas"]["ResponseRead"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` to get the next page; null on the last page
             */
            next_cursor: string | null;
            /**
             * Next
             * @description The full URL of the next page; null on the last page
             */
            next: string | null;
        };
        /** ResponseRead */
        ResponseRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /**
             * Service Id
             * Format: uuid
             */
            service_id: string;
            /**
             * Instrument Version Id
             * Format: uuid
             */
            instrument_version_id: string;
            /** Channel */
            channel: string;
            /** Language */
            language: string;
            /**
             * Submitted At
             * Format: date-time
             */
            submitted_at: string;
            /** Respondent Reference */
            respondent_reference: string | null;
            /** Entered By Id */
            entered_by_id: string | null;
            /**
             * Held
             * @description Held as part of a burst: not counted until approved
             */
            held: boolean;
            /**
             * Source Organisation Id
             * @description Pushed responses: the organisation whose system sent it
             */
            source_organisation_id?: string | null;
            /**
             * External Id
             * @description Pushed responses: the partner system's own id
             */
            external_id?: string | null;
            /** Answers */
            answers: components["schemas"]["AnswerRead"][];
        };
        /**
         * ResponseRetractedEvent
         * @description A partner system retracted a response it had pushed: it no longer counts in the
         *     results, and the change feed shows it as a tombstone.
         */
        ResponseRetractedEvent: {
            /**
             * Id
             * Format: uuid
             * @description The event's id; also the `webhook-id` header
             */
            id: string;
            /**
             * Timestamp
             * Format: date-time
             * @description When the change happened (RFC 3339, UTC)
             */
            timestamp: string;
            /**
             * Type
             * @constant
             */
            type: "response.retracted";
            data: components["schemas"]["ResponseRetractedEventData"];
        };
        /** ResponseRetractedEventData */
        ResponseRetractedEventData: {
            /**
             * Organisation Id
             * Format: uuid
             * @description The organisation whose record changed
             */
            organisation_id: string;
            /**
             * Response Id
             * Format: uuid
             */
            response_id: string;
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /**
             * Service Id
             * Format: uuid
             */
            service_id: string;
            /** External Id */
            external_id?: string | null;
        };
        /**
         * ResponseUpdatedEvent
         * @description A partner system pushed changed content for a response it had sent before.
         */
        ResponseUpdatedEvent: {
            /**
             * Id
             * Format: uuid
             * @description The event's id; also the `webhook-id` header
             */
            id: string;
            /**
             * Timestamp
             * Format: date-time
             * @description When the change happened (RFC 3339, UTC)
             */
            timestamp: string;
            /**
             * Type
             * @constant
             */
            type: "response.updated";
            data: components["schemas"]["ResponseEventData"];
        };
        /**
         * ResponsesIngestedEvent
         * @description A partner's batch stored responses: one event for the whole batch (a JSON push, a FHIR
         *     Bundle, or a whole file import, announced once when the job ends, however many chunks it
         *     was stored in and even if a worker resumed it) instead of one per response; it raises no
         *     `response.created` or `response.updated`. Read what changed from `changes_url`. Sent to
         *     the organisations that would have heard of each response (the pushing organisation; in
         *     identified campaigns also the campaign's and the services'), and only when something was
         *     created or updated. Single submissions (web, paper, one FHIR QuestionnaireResponse) still
         *     raise `response.created`.
         */
        ResponsesIngestedEvent: {
            /**
             * Id
             * Format: uuid
             * @description The event's id; also the `webhook-id` header
             */
            id: string;
            /**
             * Timestamp
             * Format: date-time
             * @description When the change happened (RFC 3339, UTC)
             */
            timestamp: string;
            /**
             * Type
             * @constant
             */
            type: "responses.ingested";
            data: components["schemas"]["ResponsesIngestedEventData"];
        };
        /** ResponsesIngestedEventData */
        ResponsesIngestedEventData: {
            /**
             * Organisation Id
             * Format: uuid
             * @description The organisation whose record changed
             */
            organisation_id: string;
            /**
             * Batch Kind
             * @description `ingest`: a JSON batch (`POST /api/v1/ingest/responses`); `import`: a whole file import, sent once when the job ends (`batch_id` is the import's id); `fhir_bundle`: a FHIR Bundle pushed to the FHIR API
             * @enum {string}
             */
            batch_kind: "ingest" | "import" | "fhir_bundle";
            /**
             * Batch Id
             * Format: uuid
             * @description The batch; for an import, the import job's id
             */
            batch_id: string;
            /**
             * Source Organisation Id
             * Format: uuid
             * @description The organisation that pushed it
             */
            source_organisation_id: string;
            /**
             * Campaign Ids
             * @description The campaigns it stored responses in
             */
            campaign_ids: string[];
            counts: components["schemas"]["IngestedCounts"];
            /**
             * Changed From
             * Format: date-time
             * @description An instant just before its first change (the day only, 00:00 UTC, when it changed responses of an anonymous campaign)
             */
            changed_from: string;
            /**
             * Changed To
             * Format: date-time
             * @description When its last change was written (the day only, as `changed_from`)
             */
            changed_to: string;
            /**
             * Submitted From
             * @description The earliest `submitted_at` among the responses it created or updated
             */
            submitted_from: string | null;
            /**
             * Submitted To
             * @description The latest such `submitted_at`
             */
            submitted_to: string | null;
            /**
             * Changes Url
             * @description The change feed from `changed_from`: every response changed since, this batch's included
             * @example https://gwella.example.nhs.uk/api/v1/responses/changes?changed_since=2026-03-01T09%3A00%3A00.123455Z
             */
            changes_url: string;
        };
        /** Responsibilities */
        Responsibilities: {
            /**
             * Total
             * @description How many there are; `items` holds the first few
             */
            total: number;
            /** Items */
            items: components["schemas"]["ResponsibilityToAccept"][];
        };
        /** ResponsibilityDecision */
        ResponsibilityDecision: {
            /**
             * Owner Id
             * @description Accepting: the owner of your part (a member of your org)
             */
            owner_id?: string | null;
            /**
             * Note
             * @description Why (required when declining)
             */
            note?: string | null;
        };
        /** ResponsibilityIn */
        ResponsibilityIn: {
            /**
             * Organisation Id
             * Format: uuid
             * @description A member organisation of the partnership
             */
            organisation_id: string;
            role: components["schemas"]["ResponsibilityRole"];
            /**
             * Owner Id
             * @description The person who owns the organisation's part (a member of it)
             */
            owner_id?: string | null;
        };
        /** ResponsibilityRead */
        ResponsibilityRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            /** Organisation Name */
            organisation_name: string;
            /**
             * Organisation Name Cy
             * @description In Welsh, where it has a Welsh name
             */
            organisation_name_cy: string | null;
            role: components["schemas"]["ResponsibilityRole"];
            state: components["schemas"]["ResponsibilityState"];
            /** Owner Id */
            owner_id: string | null;
            /** Decision Note */
            decision_note: string | null;
            /** Decided At */
            decided_at: string | null;
            /** Version */
            version: number;
        };
        /**
         * ResponsibilityRole
         * @enum {string}
         */
        ResponsibilityRole: "lead" | "supporting";
        /**
         * ResponsibilityState
         * @enum {string}
         */
        ResponsibilityState: "pending" | "accepted" | "declined";
        /**
         * ResponsibilityToAccept
         * @description A part in an action that your organisation was asked to take: accept or decline it.
         */
        ResponsibilityToAccept: {
            /**
             * Action Id
             * Format: uuid
             */
            action_id: string;
            /**
             * Responsibility Id
             * Format: uuid
             */
            responsibility_id: string;
            /** @description The action's title */
            title: components["schemas"]["LocalizedText"];
            /**
             * Role
             * @enum {string}
             */
            role: "lead" | "supporting";
            organisation: components["schemas"]["Place"];
            /**
             * Asked At
             * Format: date-time
             */
            asked_at: string;
            /** Due Date */
            due_date: string | null;
            /** Link */
            link: string;
        };
        /** ResponsibilityUpdate */
        ResponsibilityUpdate: {
            /** Owner Id */
            owner_id?: string | null;
        };
        /** ResultCellRead */
        ResultCellRead: {
            /** Value */
            value: string;
            /**
             * Count
             * @description The published count: the true count slightly adjusted (see `disclosure`); null when held back (from 1 to the minimum cell size less one, or to protect another). 0 may stand for a few.
             */
            count: number | null;
            /** Suppressed */
            suppressed: boolean;
            /**
             * Percent
             * @description Of the row's published `n`, at most 100
             */
            percent: number | null;
            /**
             * Ci Low
             * @description 95% Wilson interval, lower bound, in percent
             */
            ci_low: number | null;
            /** Ci High */
            ci_high: number | null;
        };
        /** ResultRow */
        ResultRow: {
            /**
             * Unit
             * @description A service id, or `total`
             */
            unit: string;
            /**
             * N
             * @description Respondents who answered, as published; null when held back. A row whose `n` is held back or 0 shows no counts
             */
            n: number | null;
            /** Cells */
            cells: components["schemas"]["ResultCellRead"][];
            /**
             * Mean
             * @description Scales: from the published counts, when none is held back; numbers: the mean of questions with a range, its sum moved by noise scaled to the range
             */
            mean: number | null;
            /** Median */
            median: number | null;
            /**
             * Share Positive
             * @description Likert: top two points; rating 0-10: 7-10; yes/no: yes (percent of the published counts, when none is held back)
             */
            share_positive: number | null;
            /** Share Negative */
            share_negative: number | null;
            /**
             * Suppressed
             * @description Some of this row is held back
             */
            suppressed: boolean;
        };
        /**
         * ResultsReleasedEvent
         * @description A campaign's results moved on: a release of at least its minimum cell size of new
         *     responses (or changes) in each service named. Refetch the results. For an anonymous
         *     campaign it is sent once the day is over (UTC), with the end of the day as its
         *     `timestamp`, and never says how many responses or when they came.
         */
        ResultsReleasedEvent: {
            /**
             * Id
             * Format: uuid
             * @description The event's id; also the `webhook-id` header
             */
            id: string;
            /**
             * Timestamp
             * Format: date-time
             * @description When the change happened (RFC 3339, UTC)
             */
            timestamp: string;
            /**
             * Type
             * @constant
             */
            type: "results.released";
            data: components["schemas"]["ResultsReleasedEventData"];
        };
        /** ResultsReleasedEventData */
        ResultsReleasedEventData: {
            /**
             * Organisation Id
             * Format: uuid
             * @description The organisation whose record changed
             */
            organisation_id: string;
            /**
             * Campaign Id
             * Format: uuid
             */
            campaign_id: string;
            /**
             * Service Ids
             * @description The services (of this organisation, or all for the campaign's own) whose results moved on
             */
            service_ids: string[];
            /**
             * Released On
             * Format: date
             */
            released_on: string;
        };
        /** RetractionRequest */
        RetractionRequest: {
            /**
             * External Ids
             * @description Your system's ids of the records to retract (up to 1000)
             * @example [
             *       "PAS-2026-000123"
             *     ]
             */
            external_ids: string[];
            /**
             * Reason
             * @description Why (kept in the audit trail)
             * @example Pushed to the wrong campaign
             */
            reason: string;
        };
        /** RetractionSummary */
        RetractionSummary: {
            /**
             * Status
             * @description completed: every id retracted (or retracted before); partial: some ids unknown, the rest retracted (best_effort); failed: nothing retracted (atomic with unknown ids, or every id unknown)
             * @enum {string}
             */
            status: "completed" | "partial" | "failed";
            /** Dry Run */
            dry_run: boolean;
            /**
             * Retracted
             * @description Retracted by this request
             */
            retracted: number;
            /**
             * Already Retracted
             * @description Retracted before: nothing to do (a no-op)
             */
            already_retracted: number;
            /** Rejected */
            rejected: number;
            /**
             * Errors
             * @description Per id: `unknown_external_id` when your organisation pushed no record with it (`index` is its position in `external_ids`)
             */
            errors: components["schemas"]["ItemError"][];
        };
        /**
         * ReviewAsked
         * @description A draft in review whose approval by you would count, and which you have not reviewed.
         */
        ReviewAsked: {
            /**
             * Version Id
             * Format: uuid
             */
            version_id: string;
            /**
             * Instrument Id
             * Format: uuid
             */
            instrument_id: string;
            /** @description The instrument's title */
            title: components["schemas"]["LocalizedText"];
            /** Version Number */
            version_number: number;
            /**
             * Requested At
             * @description When it was sent for review
             */
            requested_at: string | null;
            owner: components["schemas"]["Place"];
            /**
             * Link
             * @description Where in the web app to review it
             * @example /instrument-versions/…
             */
            link: string;
        };
        /** ReviewCreate */
        ReviewCreate: {
            decision: components["schemas"]["ReviewDecision"];
            /** Comment */
            comment?: string | null;
        };
        /**
         * ReviewDecision
         * @enum {string}
         */
        ReviewDecision: "approved" | "changes_requested";
        /** ReviewPolicyRead */
        ReviewPolicyRead: {
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            /** Min Approvals */
            min_approvals: number;
            /** Approver Roles */
            approver_roles: string[];
            /** Version */
            version: number;
        };
        /** ReviewPolicyUpdate */
        ReviewPolicyUpdate: {
            /** Min Approvals */
            min_approvals?: number | null;
            /** Approver Roles */
            approver_roles?: ("service_user" | "carer" | "staff" | "manager" | "admin")[] | null;
        };
        /** ReviewRead */
        ReviewRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Version Id
             * Format: uuid
             */
            version_id: string;
            /**
             * Reviewer Id
             * Format: uuid
             */
            reviewer_id: string;
            /** Reviewer Role */
            reviewer_role: string;
            /**
             * Reviewer Organisation Id
             * Format: uuid
             */
            reviewer_organisation_id: string;
            /** Revision */
            revision: number;
            decision: components["schemas"]["ReviewDecision"];
            /** Comment */
            comment: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Counts
             * @description An approval that counts towards publication under the rule
             * @default false
             */
            counts: boolean;
            /**
             * Not Counted Because
             * @description Why an approval does not count (see approval_rule)
             */
            not_counted_because?: string | null;
            /**
             * Not Counted Because Cy
             * @description The same, in Welsh
             */
            not_counted_because_cy?: string | null;
        };
        /** ReviewState */
        ReviewState: {
            /**
             * Version Id
             * Format: uuid
             */
            version_id: string;
            status: components["schemas"]["VersionStatus"];
            /** Revision */
            revision: number;
            /** Approvals Needed */
            approvals_needed: number;
            /** Approver Roles */
            approver_roles: string[];
            /**
             * Approver Organisation Ids
             * @description The organisations whose members' approvals count: those the draft was opened to for co-design, other than its owner
             */
            approver_organisation_ids: string[];
            /**
             * Approval Rule
             * @description Who may count, in words
             */
            approval_rule: string;
            /**
             * Approval Rule Cy
             * @description The same rule, in Welsh
             */
            approval_rule_cy: string;
            /** Qualifying Approvals */
            qualifying_approvals: number;
            /** Changes Requested */
            changes_requested: number;
            /** Can Publish */
            can_publish: boolean;
            /** Blocking Reasons */
            blocking_reasons: string[];
            /**
             * Blocking Reasons Cy
             * @description The same reasons in Welsh, one for each of blocking_reasons
             */
            blocking_reasons_cy: string[];
            /** Reviews */
            reviews: components["schemas"]["ReviewRead"][];
        };
        /** Reviews */
        Reviews: {
            /**
             * Total
             * @description How many there are; `items` holds the first few
             */
            total: number;
            /** Items */
            items: components["schemas"]["ReviewAsked"][];
        };
        /**
         * Role
         * @enum {string}
         */
        Role: "service_user" | "carer" | "staff" | "manager" | "admin";
        /** RoleCounts */
        RoleCounts: {
            /**
             * Service User
             * @default 0
             */
            service_user: number;
            /**
             * Carer
             * @default 0
             */
            carer: number;
            /**
             * Staff
             * @default 0
             */
            staff: number;
            /**
             * Manager
             * @default 0
             */
            manager: number;
            /**
             * Admin
             * @default 0
             */
            admin: number;
        };
        /**
         * Scope
         * @enum {string}
         */
        Scope: "read" | "responses:write" | "measurements:write" | "responses:read" | "measurements:read";
        /** Section */
        Section: {
            /** Key */
            key: string;
            title: components["schemas"]["LocalizedText"];
        };
        /** ServiceCreate */
        ServiceCreate: {
            /**
             * Name
             * @example Abermor North Community Mental Health Team
             */
            name: string;
            /** Name Cy */
            name_cy?: string | null;
            kind: components["schemas"]["ServiceKind"];
            /**
             * Code
             * @description Unique within the organisation
             */
            code?: string | null;
            /**
             * Parent Id
             * @description A service of the same organisation this one sits under
             */
            parent_id?: string | null;
        };
        /**
         * ServiceKind
         * @enum {string}
         */
        ServiceKind: "community_mental_health_team" | "ward" | "day_centre" | "crisis_team" | "social_work_team" | "support_service" | "other";
        /** ServicePage */
        ServicePage: {
            /** Items */
            items: components["schemas"]["ServiceRead"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` to get the next page; null on the last page
             */
            next_cursor: string | null;
            /**
             * Next
             * @description The full URL of the next page; null on the last page
             */
            next: string | null;
        };
        /** ServiceRead */
        ServiceRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            /** Parent Id */
            parent_id: string | null;
            /** Name */
            name: string;
            /** Name Cy */
            name_cy: string | null;
            kind: components["schemas"]["ServiceKind"];
            /** Code */
            code: string | null;
            /** Is Active */
            is_active: boolean;
            /** Version */
            version: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** ServiceUpdate */
        ServiceUpdate: {
            /** Name */
            name?: string | null;
            /** Name Cy */
            name_cy?: string | null;
            kind?: components["schemas"]["ServiceKind"] | null;
            /** Code */
            code?: string | null;
            /** Parent Id */
            parent_id?: string | null;
            /** Is Active */
            is_active?: boolean | null;
        };
        /**
         * SignInThrottleRead
         * @description A person's failed sign-ins in the throttle's window (addresses are not shown).
         */
        SignInThrottleRead: {
            /**
             * Failed Attempts
             * @description Failed sign-ins still remembered
             */
            failed_attempts: number;
            /**
             * Addresses
             * @description How many addresses they came from
             */
            addresses: number;
            /**
             * Throttled Addresses
             * @description Addresses that must wait before trying this person's account again
             */
            throttled_addresses: number;
            /** Last Failed At */
            last_failed_at: string | null;
        };
        /**
         * SignalOnIndicator
         * @description A series whose latest point is a special cause on its SPC chart (as the chart shows).
         */
        SignalOnIndicator: {
            /**
             * Indicator Id
             * Format: uuid
             */
            indicator_id: string;
            /** @description The indicator's name */
            title: components["schemas"]["LocalizedText"];
            place: components["schemas"]["Place"];
            /**
             * Period Start
             * Format: date
             */
            period_start: string;
            /**
             * Period End
             * Format: date
             */
            period_end: string;
            /** Value */
            value: number;
            /** Unit */
            unit: string;
            /**
             * Rule
             * @enum {string}
             */
            rule: "outside_limits" | "trend" | "two_of_three" | "shift";
            /**
             * Nature
             * @enum {string}
             */
            nature: "improvement" | "concern" | "neutral";
            /** Link */
            link: string;
        };
        /** Signals */
        Signals: {
            /**
             * Total
             * @description How many there are; `items` holds the first few
             */
            total: number;
            /** Items */
            items: components["schemas"]["SignalOnIndicator"][];
        };
        /** StandardCount */
        StandardCount: {
            /** Standard Id */
            standard_id: string | null;
            /** Standard Code */
            standard_code: string | null;
            standard_title: components["schemas"]["LocalText"] | null;
            /** Total */
            total: number;
            /** By Status */
            by_status: {
                [key: string]: number;
            };
        };
        /** StandardIndicators */
        StandardIndicators: {
            /** @description None: indicators serving no standard */
            standard: components["schemas"]["StandardRead"] | null;
            /** Indicators */
            indicators: components["schemas"]["IndicatorLatest"][];
        };
        /** StandardRead */
        StandardRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Framework Id
             * Format: uuid
             */
            framework_id: string;
            /** Code */
            code: string;
            /** Number */
            number: number;
            title: components["schemas"]["LocalizedText"];
        };
        /** StatusChange */
        StatusChange: {
            status: components["schemas"]["ActionStatus"];
            /**
             * Explanation
             * @description Why: shown in the action's timeline
             */
            explanation: string;
            /** @description For `not_taken_forward`: the public reason (required; for a service user's proposal at least 20 characters). For `completed` (optional): what was done, shown as the public page's "we did" */
            reason?: components["schemas"]["BilingualText"] | null;
        };
        /** SubmissionCreate */
        SubmissionCreate: {
            /**
             * Submission Id
             * Format: uuid
             * @description Made by the client once per filled-in form and sent again on every retry: the same id never makes a second response
             */
            submission_id: string;
            /**
             * Language
             * @description Default: `"en"`.
             * @enum {string}
             */
            language?: "en" | "cy";
            /**
             * Answers
             * @description Answers by question key: an option value, `yes`/`no`, a whole number 0-10 (rating), a number, a date `YYYY-MM-DD`, text, a list of option values (multiple choice), or `dont_know` where offered. Checked against the exact version.
             */
            answers: {
                [key: string]: string | number | string[] | null;
            };
            /**
             * Consent
             * @description Identified campaigns: the respondent agrees to be named Default: `false`.
             */
            consent?: boolean;
            /** Respondent Reference */
            respondent_reference?: string | null;
            /**
             * Access Code
             * @description A single-use access code (web responses): required when the campaign asks for one; a valid code also keeps a response out of the burst check
             * @example KMQ7R-XT3WA
             */
            access_code?: string | null;
        };
        /** SubmissionReceipt */
        SubmissionReceipt: {
            /**
             * Submission Id
             * Format: uuid
             */
            submission_id: string;
            /**
             * Duplicate
             * @description True when this submission had already been received
             */
            duplicate: boolean;
            /**
             * Submitted At
             * Format: date-time
             * @description As stored: the day only, for anonymous surveys
             */
            submitted_at: string;
        };
        /**
         * SuggestionToAnswer
         * @description An open co-design suggestion on a draft you may edit: accept or decline it.
         */
        SuggestionToAnswer: {
            /**
             * Contribution Id
             * Format: uuid
             */
            contribution_id: string;
            /**
             * Version Id
             * Format: uuid
             */
            version_id: string;
            /**
             * Instrument Id
             * Format: uuid
             */
            instrument_id: string;
            /** @description The instrument's title */
            title: components["schemas"]["LocalizedText"];
            /**
             * Kind
             * @enum {string}
             */
            kind: "topic" | "question";
            /**
             * Body
             * @description The suggestion as its author wrote it
             */
            body: string;
            /**
             * Language
             * @description The language `body` is written in
             */
            language: ("en" | "cy") | null;
            /** Author Role */
            author_role: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /** Link */
            link: string;
        };
        /** Suggestions */
        Suggestions: {
            /**
             * Total
             * @description How many there are; `items` holds the first few
             */
            total: number;
            /** Items */
            items: components["schemas"]["SuggestionToAnswer"][];
        };
        /** SupportPage */
        SupportPage: {
            /** Items */
            items: components["schemas"]["SupportRead"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` to get the next page; null on the last page
             */
            next_cursor: string | null;
            /**
             * Next
             * @description The full URL of the next page; null on the last page
             */
            next: string | null;
        };
        /** SupportRead */
        SupportRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Action Id
             * Format: uuid
             */
            action_id: string;
            /**
             * User Id
             * Format: uuid
             */
            user_id: string;
            /** Supporter Role */
            supporter_role: string;
            /**
             * Supporter Organisation Id
             * Format: uuid
             */
            supporter_organisation_id: string;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
        };
        /** TimelineEntry */
        TimelineEntry: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Kind
             * @description proposed, status_changed, responsibility_added, responsibility_accepted, responsibility_declined, update, supported, pdsa_planned, pdsa_do, pdsa_study, pdsa_act
             * @example status_changed
             */
            kind: string;
            /** From Status */
            from_status: string | null;
            /** To Status */
            to_status: string | null;
            /** Explanation */
            explanation: string | null;
            /**
             * Role
             * @description For `proposed` and `supported`: the role of who proposed or supported (service_user, carer, staff, ...), for the page to say in its own language
             */
            role: string | null;
            /** Organisation Id */
            organisation_id: string | null;
            /** Actor Id */
            actor_id: string | null;
            /** Record Id */
            record_id: string | null;
            /**
             * Occurred At
             * Format: date-time
             */
            occurred_at: string;
        };
        /** TimelinePage */
        TimelinePage: {
            /** Items */
            items: components["schemas"]["TimelineEntry"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` to get the next page; null on the last page
             */
            next_cursor: string | null;
            /**
             * Next
             * @description The full URL of the next page; null on the last page
             */
            next: string | null;
        };
        /**
         * TitleText
         * @description A title in English or Welsh, or both.
         */
        TitleText: {
            /**
             * En
             * @example Evening appointments at the CMHT
             */
            en?: string | null;
            /**
             * Cy
             * @example Apwyntiadau gyda'r nos yn y TIMC
             */
            cy?: string | null;
        };
        /** TokenResponse */
        TokenResponse: {
            /** Access Token */
            access_token: string;
            /**
             * Token Type
             * @default bearer
             * @constant
             */
            token_type: "bearer";
            /**
             * Expires In
             * @description Seconds until the token expires
             */
            expires_in: number;
            /**
             * Scope
             * @description Space-separated scopes the token carries
             */
            scope: string;
        };
        /** UnitCount */
        UnitCount: {
            /**
             * Service Id
             * Format: uuid
             */
            service_id: string;
            /** N */
            n: number | null;
        };
        /** UserPage */
        UserPage: {
            /** Items */
            items: components["schemas"]["UserRead"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` to get the next page; null on the last page
             */
            next_cursor: string | null;
            /**
             * Next
             * @description The full URL of the next page; null on the last page
             */
            next: string | null;
        };
        /** UserRead */
        UserRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Email */
            email: string;
            /** Display Name */
            display_name: string;
            language: components["schemas"]["Language"];
            /** Is Platform Admin */
            is_platform_admin: boolean;
            /** Is Active */
            is_active: boolean;
            /** Last Sign In At */
            last_sign_in_at: string | null;
            /** Version */
            version: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /** Memberships */
            memberships?: components["schemas"]["MembershipRead"][];
        };
        /** UserUpdate */
        UserUpdate: {
            /** Display Name */
            display_name?: string | null;
            language?: components["schemas"]["Language"] | null;
            /**
             * Is Active
             * @description Deactivating a user also signs them out everywhere
             */
            is_active?: boolean | null;
            /** Is Platform Admin */
            is_platform_admin?: boolean | null;
        };
        /** VersionContentUpdate */
        VersionContentUpdate: {
            content: components["schemas"]["InstrumentContent"];
        };
        /** VersionRead */
        VersionRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Instrument Id
             * Format: uuid
             */
            instrument_id: string;
            /** Number */
            number: number;
            status: components["schemas"]["VersionStatus"];
            content: components["schemas"]["InstrumentContent"];
            /** Revision */
            revision: number;
            /** Codesign Open */
            codesign_open: boolean;
            /** Codesign Org Ids */
            codesign_org_ids: string[];
            /** Review Requested At */
            review_requested_at: string | null;
            /** Published At */
            published_at: string | null;
            /** Published By Id */
            published_by_id: string | null;
            /** Version */
            version: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /**
         * VersionStatus
         * @enum {string}
         */
        VersionStatus: "draft" | "in_review" | "published";
        /** VersionSummary */
        VersionSummary: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /** Number */
            number: number;
            status: components["schemas"]["VersionStatus"];
            /** Published At */
            published_at: string | null;
        };
        /** WebhookAttemptPage */
        WebhookAttemptPage: {
            /** Items */
            items: components["schemas"]["WebhookAttemptRead"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` to get the next page; null on the last page
             */
            next_cursor: string | null;
            /**
             * Next
             * @description The full URL of the next page; null on the last page
             */
            next: string | null;
        };
        /** WebhookAttemptRead */
        WebhookAttemptRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Delivery Id
             * Format: uuid
             */
            delivery_id: string;
            /**
             * Attempted At
             * Format: date-time
             */
            attempted_at: string;
            /** Duration Ms */
            duration_ms: number;
            /**
             * Status Code
             * @description The receiver's status; null if none came
             */
            status_code: number | null;
            /**
             * Error
             * @description Why it failed: a status, a time-out, a refusal
             */
            error: string | null;
            /**
             * Response Body
             * @description The start of the receiver's answer
             */
            response_body: string | null;
        };
        /** WebhookDeliveryPage */
        WebhookDeliveryPage: {
            /** Items */
            items: components["schemas"]["WebhookDeliveryRead"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` to get the next page; null on the last page
             */
            next_cursor: string | null;
            /**
             * Next
             * @description The full URL of the next page; null on the last page
             */
            next: string | null;
        };
        /** WebhookDeliveryRead */
        WebhookDeliveryRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Subscription Id
             * Format: uuid
             */
            subscription_id: string;
            /**
             * Event Id
             * Format: uuid
             */
            event_id: string;
            event_type: components["schemas"]["WebhookEventType"];
            /** Record Type */
            record_type: string;
            /** Record Id */
            record_id: string;
            status: components["schemas"]["DeliveryStatus"];
            /** Attempt Count */
            attempt_count: number;
            /**
             * Next Attempt At
             * @description When it is next tried, if pending
             */
            next_attempt_at: string | null;
            /**
             * Deadline At
             * Format: date-time
             * @description Retries stop here
             */
            deadline_at: string;
            /** Last Attempt At */
            last_attempt_at: string | null;
            /** Last Status Code */
            last_status_code: number | null;
            /** Last Error */
            last_error: string | null;
            /** Delivered At */
            delivered_at: string | null;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Payload
             * @description The body sent
             */
            payload: {
                [key: string]: unknown;
            };
        };
        /** WebhookEventPage */
        WebhookEventPage: {
            /** Items */
            items: components["schemas"]["WebhookEventRead"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` to get the next page; null on the last page
             */
            next_cursor: string | null;
            /**
             * Next
             * @description The full URL of the next page; null on the last page
             */
            next: string | null;
        };
        /**
         * WebhookEventRead
         * @description An event sent (or to be sent) to a subscription, with its delivery's state.
         */
        WebhookEventRead: {
            /**
             * Cursor
             * @description Pass as `cursor` to list the events after this one
             */
            cursor: string;
            /**
             * Id
             * Format: uuid
             * @description The event's id: the `webhook-id` header
             */
            id: string;
            type: components["schemas"]["WebhookEventType"];
            /** Record Type */
            record_type: string;
            /** Record Id */
            record_id: string;
            /**
             * Timestamp
             * Format: date-time
             * @description The event's `timestamp`
             */
            timestamp: string;
            /**
             * Payload
             * @description The body exactly as sent (its compact JSON encoding is what is signed)
             */
            payload: {
                [key: string]: unknown;
            };
            /**
             * Delivery Id
             * Format: uuid
             */
            delivery_id: string;
            status: components["schemas"]["DeliveryStatus"];
            /** Attempt Count */
            attempt_count: number;
            /** Last Attempt At */
            last_attempt_at: string | null;
            /** Last Status Code */
            last_status_code: number | null;
            /** Delivered At */
            delivered_at: string | null;
        };
        /**
         * WebhookEventType
         * @enum {string}
         */
        WebhookEventType: "response.created" | "response.updated" | "responses.ingested" | "results.released" | "import.completed" | "campaign.closed" | "measurement.created" | "measurement.updated" | "indicator.signal" | "action.created" | "action.status_changed" | "response.retracted" | "measurement.retracted";
        /** WebhookSubscriptionCreate */
        WebhookSubscriptionCreate: {
            /**
             * Organisation Id
             * @description Whose events: required for people; an API client subscribes its own
             */
            organisation_id?: string | null;
            /**
             * Url
             * @description An https URL (http only to a loopback address, or outside production) whose host resolves only to public addresses (unless GWELLA_WEBHOOK_ALLOW_PRIVATE)
             * @example https://pas.example.nhs.uk/hooks/gwella
             */
            url: string;
            /** Event Types */
            event_types: components["schemas"]["WebhookEventType"][];
            /**
             * Description
             * @example Trust PAS
             */
            description?: string | null;
            /**
             * Is Active
             * @description Default: `true`.
             */
            is_active?: boolean;
        };
        /** WebhookSubscriptionPage */
        WebhookSubscriptionPage: {
            /** Items */
            items: components["schemas"]["WebhookSubscriptionRead"][];
            /**
             * Next Cursor
             * @description Pass as `cursor` to get the next page; null on the last page
             */
            next_cursor: string | null;
            /**
             * Next
             * @description The full URL of the next page; null on the last page
             */
            next: string | null;
        };
        /** WebhookSubscriptionRead */
        WebhookSubscriptionRead: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            /**
             * Api Client Id
             * @description The API client that subscribed itself, if one did
             */
            api_client_id: string | null;
            /** Url */
            url: string;
            /** Description */
            description: string | null;
            /** Event Types */
            event_types: components["schemas"]["WebhookEventType"][];
            /** Is Active */
            is_active: boolean;
            /** Secret Rotated At */
            secret_rotated_at: string | null;
            /**
             * Previous Secret Expires At
             * @description Until then, the secret before the last rotation also signs
             */
            previous_secret_expires_at: string | null;
            /** Created By Id */
            created_by_id: string | null;
            /** Version */
            version: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
        };
        /** WebhookSubscriptionUpdate */
        WebhookSubscriptionUpdate: {
            /** Url */
            url?: string | null;
            /** Event Types */
            event_types?: components["schemas"]["WebhookEventType"][] | null;
            /** Description */
            description?: string | null;
            /**
             * Is Active
             * @description Inactive: nothing is sent; pending deliveries wait
             */
            is_active?: boolean | null;
        };
        /** WebhookSubscriptionWithSecret */
        WebhookSubscriptionWithSecret: {
            /**
             * Id
             * Format: uuid
             */
            id: string;
            /**
             * Organisation Id
             * Format: uuid
             */
            organisation_id: string;
            /**
             * Api Client Id
             * @description The API client that subscribed itself, if one did
             */
            api_client_id: string | null;
            /** Url */
            url: string;
            /** Description */
            description: string | null;
            /** Event Types */
            event_types: components["schemas"]["WebhookEventType"][];
            /** Is Active */
            is_active: boolean;
            /** Secret Rotated At */
            secret_rotated_at: string | null;
            /**
             * Previous Secret Expires At
             * @description Until then, the secret before the last rotation also signs
             */
            previous_secret_expires_at: string | null;
            /** Created By Id */
            created_by_id: string | null;
            /** Version */
            version: number;
            /**
             * Created At
             * Format: date-time
             */
            created_at: string;
            /**
             * Updated At
             * Format: date-time
             */
            updated_at: string;
            /**
             * Secret
             * @description The signing secret (Standard Webhooks `whsec_…`): shown only in this answer; store it now
             * @example whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
             */
            secret: string;
        };
        /**
         * WrittenText
         * @description Text that must be written in English or Welsh (or both): at least one of ``en`` and
         *     ``cy`` holds a character that is not white space. The other may be missing, null or
         *     blank.
         */
        WrittenText: {
            /** En */
            en?: string | null;
            /** Cy */
            cy?: string | null;
        };
        /** FieldProblem */
        FieldProblem: {
            /**
             * Field
             * @description Dotted path of the offending input, e.g. `body.email`
             */
            field: string;
            /** Message */
            message: string;
        };
        /**
         * Problem
         * @description An RFC 9457 problem details object.
         */
        Problem: {
            /**
             * Type
             * @example urn:gwella:problem:not-found
             */
            type: string;
            /** Title */
            title: string;
            /** Status */
            status: number;
            /** Detail */
            detail: string;
            /**
             * Instance
             * @default null
             */
            instance: string | null;
            /**
             * Request Id
             * @default null
             */
            request_id: string | null;
            /**
             * Errors
             * @default null
             */
            errors: components["schemas"]["FieldProblem"][] | null;
        };
        /**
         * FhirCapabilityStatement
         * @description A FHIR R4 CapabilityStatement
         */
        FhirCapabilityStatement: {
            /** @constant */
            resourceType: "CapabilityStatement";
            id?: string;
            meta?: {
                [key: string]: unknown;
            };
            fhirVersion?: string;
            rest?: {
                [key: string]: unknown;
            }[];
        } & {
            [key: string]: unknown;
        };
        /**
         * FhirQuestionnaire
         * @description A FHIR R4 Questionnaire: a published instrument version
         */
        FhirQuestionnaire: {
            /** @constant */
            resourceType: "Questionnaire";
            id?: string;
            meta?: {
                [key: string]: unknown;
            };
            /** @description The canonical url, one per instrument: a QuestionnaireResponse names this version as `url|version` */
            url?: string;
            /** @description This published version's number */
            version?: string;
            status?: string;
            item?: {
                [key: string]: unknown;
            }[];
        } & {
            [key: string]: unknown;
        };
        /**
         * FhirQuestionnaireResponse
         * @description A FHIR R4 QuestionnaireResponse (see `GET /fhir/r4/metadata` for the mapping)
         */
        FhirQuestionnaireResponse: {
            /** @constant */
            resourceType: "QuestionnaireResponse";
            id?: string;
            meta?: {
                [key: string]: unknown;
            };
            identifier?: {
                [key: string]: unknown;
            };
            /** @description The Questionnaire's `url|version`; the `url` alone when exactly one version of it takes your organisation's pushes */
            questionnaire: string;
            /**
             * @description Only finished answers are taken, and shown
             * @enum {string}
             */
            status: "completed" | "amended";
            /** @description The service: `reference` `HealthcareService/{id}`, or an `identifier` whose `value` is the service's code in your organisation */
            subject: {
                [key: string]: unknown;
            };
            /**
             * Format: date-time
             * @description When the answers were given: a full date and time with its time zone
             */
            authored: string;
            source?: {
                [key: string]: unknown;
            };
            language?: string;
            extension?: {
                [key: string]: unknown;
            }[];
            item?: {
                [key: string]: unknown;
            }[];
        } & {
            [key: string]: unknown;
        };
        /**
         * FhirBundle
         * @description A FHIR R4 Bundle
         */
        FhirBundle: {
            /** @constant */
            resourceType: "Bundle";
            id?: string;
            meta?: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            type: "batch" | "transaction" | "batch-response" | "transaction-response" | "searchset" | "collection" | "document" | "message" | "history";
            total?: number;
            link?: {
                [key: string]: unknown;
            }[];
            entry?: {
                [key: string]: unknown;
            }[];
        } & {
            [key: string]: unknown;
        };
        /**
         * FhirOperationOutcome
         * @description Why a FHIR request was refused: one issue per problem, each with a FHIRPath `expression` where it points at an element
         */
        FhirOperationOutcome: {
            /** @constant */
            resourceType: "OperationOutcome";
            id?: string;
            meta?: {
                [key: string]: unknown;
            };
            issue: {
                [key: string]: unknown;
            }[];
        } & {
            [key: string]: unknown;
        };
        /** FhirAnswerBoolean */
        FhirAnswerBoolean: {
            /** Valueboolean */
            valueBoolean: boolean;
            /**
             * Item
             * @description Default: `null`.
             */
            item?: components["schemas"]["FhirItemPush"][] | null;
        };
        /** FhirAnswerCoding */
        FhirAnswerCoding: {
            valueCoding: components["schemas"]["FhirCodingPush"];
            /**
             * Item
             * @description Default: `null`.
             */
            item?: components["schemas"]["FhirItemPush"][] | null;
        };
        /** FhirAnswerDate */
        FhirAnswerDate: {
            /**
             * Valuedate
             * Format: date
             * @description A whole date, YYYY-MM-DD
             */
            valueDate: string;
            /**
             * Item
             * @description Default: `null`.
             */
            item?: components["schemas"]["FhirItemPush"][] | null;
        };
        /** FhirAnswerDecimal */
        FhirAnswerDecimal: {
            /** Valuedecimal */
            valueDecimal: number;
            /**
             * Item
             * @description Default: `null`.
             */
            item?: components["schemas"]["FhirItemPush"][] | null;
        };
        /** FhirAnswerInteger */
        FhirAnswerInteger: {
            /** Valueinteger */
            valueInteger: number;
            /**
             * Item
             * @description Default: `null`.
             */
            item?: components["schemas"]["FhirItemPush"][] | null;
        };
        /** FhirAnswerString */
        FhirAnswerString: {
            /** Valuestring */
            valueString: string;
            /**
             * Item
             * @description Default: `null`.
             */
            item?: components["schemas"]["FhirItemPush"][] | null;
        };
        /**
         * FhirBundleEntryPush
         * @description One entry: a QuestionnaireResponse to create. What only the database can judge (its
         *     Questionnaire, service and answers) is judged entry by entry, as FHIR's batch asks: a
         *     refused entry gets its own status and OperationOutcome in the batch-response (in a
         *     transaction it refuses the whole).
         */
        FhirBundleEntryPush: {
            /**
             * Fullurl
             * @description Default: `null`.
             */
            fullUrl?: string | null;
            resource: components["schemas"]["FhirQuestionnaireResponsePush"];
            request: components["schemas"]["FhirBundleRequestPush"];
        };
        /**
         * FhirBundlePush
         * @description A batch (each entry on its own) or transaction (all or none) of QuestionnaireResponses.
         */
        FhirBundlePush: {
            /**
             * Resourcetype
             * @constant
             */
            resourceType: "Bundle";
            /**
             * Id
             * @description Default: `null`.
             */
            id?: string | null;
            /** @description Default: `null`. */
            meta?: components["schemas"]["FhirMetaPush"] | null;
            /**
             * Type
             * @enum {string}
             */
            type: "batch" | "transaction";
            /**
             * Entry
             * @description Default: `null`.
             */
            entry?: components["schemas"]["FhirBundleEntryPush"][] | null;
        };
        /** FhirBundleRequestPush */
        FhirBundleRequestPush: {
            /**
             * Method
             * @constant
             */
            method: "POST";
            /** Url */
            url: string;
        };
        /** FhirCodingPush */
        FhirCodingPush: {
            /**
             * System
             * @description Default: `null`.
             */
            system?: string | null;
            /**
             * Version
             * @description Default: `null`.
             */
            version?: string | null;
            /** Code */
            code: string;
            /**
             * Display
             * @description Default: `null`.
             */
            display?: string | null;
            /** @description Default: `null`. */
            _display?: components["schemas"]["FhirTranslations"] | null;
        };
        /** FhirExtensionBoolean */
        FhirExtensionBoolean: {
            /** Url */
            url: string;
            /** Valueboolean */
            valueBoolean: boolean;
        };
        /** FhirExtensionCode */
        FhirExtensionCode: {
            /** Url */
            url: string;
            /** Valuecode */
            valueCode: string;
        };
        /** FhirExtensionString */
        FhirExtensionString: {
            /** Url */
            url: string;
            /** Valuestring */
            valueString: string;
        };
        /** FhirIdentifierPush */
        FhirIdentifierPush: {
            /**
             * System
             * @description Default: `null`.
             */
            system?: string | null;
            /**
             * Value
             * @description Your system's id for this response (a repeat is recognised by it)
             */
            value: string;
        };
        /** FhirItemPush */
        FhirItemPush: {
            /**
             * Linkid
             * @description The question's key
             */
            linkId: string;
            /**
             * Definition
             * @description Default: `null`.
             */
            definition?: string | null;
            /**
             * Text
             * @description Default: `null`.
             */
            text?: string | null;
            /** @description Default: `null`. */
            _text?: components["schemas"]["FhirTranslations"] | null;
            /**
             * Answer
             * @description Default: `null`.
             */
            answer?: (components["schemas"]["FhirAnswerBoolean"] | components["schemas"]["FhirAnswerDecimal"] | components["schemas"]["FhirAnswerInteger"] | components["schemas"]["FhirAnswerDate"] | components["schemas"]["FhirAnswerString"] | components["schemas"]["FhirAnswerCoding"])[] | null;
            /**
             * Item
             * @description Default: `null`.
             */
            item?: components["schemas"]["FhirItemPush"][] | null;
        };
        /** FhirMetaPush */
        FhirMetaPush: {
            /**
             * Versionid
             * @description Default: `null`.
             */
            versionId?: string | null;
            /**
             * Lastupdated
             * @description Default: `null`.
             */
            lastUpdated?: string | null;
            /**
             * Source
             * @description Default: `null`.
             */
            source?: string | null;
            /**
             * Profile
             * @description Default: `null`.
             */
            profile?: string[] | null;
        };
        /**
         * FhirQuestionnaireResponsePush
         * @description A QuestionnaireResponse as a partner pushes it (see `GET /fhir/r4/metadata` for the
         *     mapping): Gwella's profile of FHIR R4, every element it takes named and closed.
         */
        FhirQuestionnaireResponsePush: {
            /**
             * Resourcetype
             * @constant
             */
            resourceType: "QuestionnaireResponse";
            /**
             * Id
             * @description Default: `null`.
             */
            id?: string | null;
            /** @description Default: `null`. */
            meta?: components["schemas"]["FhirMetaPush"] | null;
            /**
             * Language
             * @description Default: `null`.
             */
            language?: string | null;
            identifier: components["schemas"]["FhirIdentifierPush"];
            /**
             * Questionnaire
             * @description The Questionnaire's `url|version`, or `Questionnaire/{id}`; the `url` alone when exactly one version of it takes your organisation's pushes
             */
            questionnaire: string;
            /**
             * Status
             * @description Only finished answers are taken
             * @enum {string}
             */
            status: "completed" | "amended";
            subject: components["schemas"]["FhirSubjectPush"];
            /**
             * Authored
             * Format: date-time
             * @description A date and time to the second, with its time zone (R4 dateTime)
             */
            authored: string;
            /** @description Default: `null`. */
            source?: components["schemas"]["FhirSourcePush"] | null;
            /**
             * Extension
             * @description Default: `null`.
             */
            extension?: (components["schemas"]["FhirExtensionString"] | components["schemas"]["FhirExtensionBoolean"] | components["schemas"]["FhirExtensionCode"])[] | null;
            /**
             * Item
             * @description Default: `null`.
             */
            item?: components["schemas"]["FhirItemPush"][] | null;
        };
        /** FhirServiceIdentifier */
        FhirServiceIdentifier: {
            /**
             * System
             * @description Default: `null`.
             */
            system?: "urn:gwella:service" | null;
            /**
             * Value
             * @description The service's code in your organisation (or its id)
             */
            value: string;
        };
        /**
         * FhirSourcePush
         * @description The respondent (pseudonymous and identified campaigns only).
         */
        FhirSourcePush: {
            /**
             * Reference
             * @description Default: `null`.
             */
            reference?: string | null;
            /** @description Default: `null`. */
            identifier?: components["schemas"]["FhirIdentifierPush"] | null;
            /**
             * Display
             * @description Default: `null`.
             */
            display?: string | null;
        };
        /**
         * FhirSubjectPush
         * @description The service the answers are about: a relative `reference` `HealthcareService/{id}`
         *     (which wins when both are given, as Gwella's own QuestionnaireResponses carry both; an
         *     absolute one would name another server's service), or an `identifier` whose `value` is the
         *     service's code in your organisation.
         */
        FhirSubjectPush: {
            /**
             * Reference
             * @description Default: `null`.
             */
            reference?: string | null;
            /**
             * Type
             * @description Default: `null`.
             */
            type?: "HealthcareService" | null;
            /** @description Default: `null`. */
            identifier?: components["schemas"]["FhirServiceIdentifier"] | null;
            /**
             * Display
             * @description Default: `null`.
             */
            display?: string | null;
        };
        /**
         * FhirTranslation
         * @description R4's translation extension, as Gwella's own QuestionnaireResponses carry it: lang
         *     (valueCode) and content (valueString).
         */
        FhirTranslation: {
            /**
             * Url
             * @constant
             */
            url: "http://hl7.org/fhir/StructureDefinition/translation";
            /** Extension */
            extension: (components["schemas"]["FhirTranslationLanguage"] | components["schemas"]["FhirTranslationContent"])[];
        };
        /** FhirTranslationContent */
        FhirTranslationContent: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            url: "content";
            /** Valuestring */
            valueString: string;
        };
        /** FhirTranslationLanguage */
        FhirTranslationLanguage: {
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            url: "lang";
            /** Valuecode */
            valueCode: string;
        };
        /**
         * FhirTranslations
         * @description A text's other languages (`_text`, `_display`).
         */
        FhirTranslations: {
            /** Extension */
            extension: components["schemas"]["FhirTranslation"][];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Database unavailable; see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (RFC 9110 §10.2.3) */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    issueToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /**
                     * Grant Type
                     * @enum {string}
                     */
                    grant_type: "password" | "client_credentials";
                    /**
                     * Username
                     * @description Email (password)
                     */
                    username?: string | null;
                    /** Password */
                    password?: string | null;
                    /**
                     * Client Id
                     * @description Or HTTP Basic authentication
                     */
                    client_id?: string | null;
                    /** Client Secret */
                    client_secret?: string | null;
                    /**
                     * Scope
                     * @description Space-separated
                     */
                    scope?: string | null;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenResponse"];
                };
            };
            /** @description The request or the grant was refused (invalid_request, invalid_grant, unsupported_grant_type, invalid_scope, unauthorized_client) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Client authentication failed (invalid_client), with WWW-Authenticate */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed sign-ins from here: slow_down, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /**
                     * Token
                     * @description The token to revoke
                     */
                    token: string;
                    /** Token Type Hint */
                    token_type_hint?: string | null;
                    /** Client Id */
                    client_id?: string | null;
                    /** Client Secret */
                    client_secret?: string | null;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Revoked, or there was nothing to revoke */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request or the grant was refused (invalid_request, invalid_grant, unsupported_grant_type, invalid_scope, unauthorized_client) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description Client authentication failed (invalid_client), with WWW-Authenticate */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many failed sign-ins from here: slow_down, with Retry-After */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
        };
    };
    signOutEverywhere: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCurrentUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateCurrentUser: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag you read, as it was given (required: a missing one or `*` gets 428; a stale or weak one 412, since If-Match compares strongly) */
                "If-Match": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CurrentUserUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record changed since you read it (stale or weak If-Match) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match header missing, or `*` (name the version you read) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listUsers: {
        parameters: {
            query?: {
                organisation_id?: string | null;
                role?: components["schemas"]["Role"] | null;
                /** @description Email or name contains */
                q?: string | null;
                is_active?: boolean | null;
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -created_at, -display_name, -email, created_at, display_name, email */
                sort?: "-created_at" | "-display_name" | "-email" | "created_at" | "display_name" | "email";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserPage"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateUser: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag you read, as it was given (required: a missing one or `*` gets 428; a stale or weak one 412, since If-Match compares strongly) */
                "If-Match": string;
            };
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UserUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record changed since you read it (stale or weak If-Match) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match header missing, or `*` (name the version you read) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getSignInThrottle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInThrottleRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteSignInThrottle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listInvitations: {
        parameters: {
            query?: {
                organisation_id?: string | null;
                status?: ("pending" | "accepted" | "revoked" | "expired") | null;
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -created_at, -email, created_at, email */
                sort?: "-created_at" | "-email" | "created_at" | "email";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationPage"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvitationCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationCreated"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invitation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    inspectInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvitationToken"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationPreview"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No longer usable (used, withdrawn or expired) */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InvitationAccept"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No longer usable (used, withdrawn or expired) */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listApiClients: {
        parameters: {
            query?: {
                organisation_id?: string | null;
                status?: ("active" | "revoked") | null;
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -created_at, -name, created_at, name */
                sort?: "-created_at" | "-name" | "created_at" | "name";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClientPage"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createApiClient: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiClientCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClientWithSecret"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getApiClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                api_client_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClientRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateApiClient: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag you read, as it was given (required: a missing one or `*` gets 428; a stale or weak one 412, since If-Match compares strongly) */
                "If-Match": string;
            };
            path: {
                api_client_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApiClientUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClientRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record changed since you read it (stale or weak If-Match) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match header missing, or `*` (name the version you read) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateApiClientSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                api_client_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClientWithSecret"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeApiClient: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                api_client_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiClientRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listOrganisations: {
        parameters: {
            query?: {
                kind?: components["schemas"]["OrganisationKind"] | null;
                /** @description Name contains (en or cy) */
                q?: string | null;
                code?: string | null;
                is_active?: boolean | null;
                /** @description Only current members of this partnership */
                partnership_id?: string | null;
                /** @description Only organisations where you hold this role (e.g. admin, for pickers) */
                my_role?: ("service_user" | "carer" | "staff" | "manager" | "admin") | null;
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -created_at, -name, created_at, name */
                sort?: "-created_at" | "-name" | "created_at" | "name";
            };
            header?: {
                /** @description Optional: ETags of answers you hold (or `*`). When the answer would be one of them it is not sent again: 304 Not Modified, with its ETag and no body. Tags compare weakly (`W/` or not); a field that is not a list of entity tags is ignored and the answer sent in full */
                "If-None-Match"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The answer's entity tag (weak): send it back in If-None-Match to be told 304 Not Modified while the answer is unchanged. It differs between callers who may see different things */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationPage"];
                };
            };
            /** @description Not Modified: the answer is still the one whose ETag you sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The answer's entity tag (weak): send it back in If-None-Match to be told 304 Not Modified while the answer is unchanged. It differs between callers who may see different things */
                    ETag: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrganisationCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The address of the record just created */
                    Location: string;
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrganisation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organisation's id, or `scheme:code` (e.g. `ods:7A9`) */
                organisation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateOrganisation: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag you read, as it was given (required: a missing one or `*` gets 428; a stale or weak one 412, since If-Match compares strongly) */
                "If-Match": string;
            };
            path: {
                /** @description The organisation's id, or `scheme:code` (e.g. `ods:7A9`) */
                organisation_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OrganisationUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record changed since you read it (stale or weak If-Match) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match header missing, or `*` (name the version you read) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listServices: {
        parameters: {
            query?: {
                kind?: components["schemas"]["ServiceKind"] | null;
                code?: string | null;
                parent_id?: string | null;
                is_active?: boolean | null;
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -created_at, -name, created_at, name */
                sort?: "-created_at" | "-name" | "created_at" | "name";
            };
            header?: {
                /** @description Optional: ETags of answers you hold (or `*`). When the answer would be one of them it is not sent again: 304 Not Modified, with its ETag and no body. Tags compare weakly (`W/` or not); a field that is not a list of entity tags is ignored and the answer sent in full */
                "If-None-Match"?: string | null;
            };
            path: {
                /** @description The organisation's id, or `scheme:code` (e.g. `ods:7A9`) */
                organisation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The answer's entity tag (weak): send it back in If-None-Match to be told 304 Not Modified while the answer is unchanged. It differs between callers who may see different things */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServicePage"];
                };
            };
            /** @description Not Modified: the answer is still the one whose ETag you sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The answer's entity tag (weak): send it back in If-None-Match to be told 304 Not Modified while the answer is unchanged. It differs between callers who may see different things */
                    ETag: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The organisation's id, or `scheme:code` (e.g. `ods:7A9`) */
                organisation_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServiceCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The address of the record just created */
                    Location: string;
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getService: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                service_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateService: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag you read, as it was given (required: a missing one or `*` gets 428; a stale or weak one 412, since If-Match compares strongly) */
                "If-Match": string;
            };
            path: {
                service_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ServiceUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record changed since you read it (stale or weak If-Match) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match header missing, or `*` (name the version you read) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMemberships: {
        parameters: {
            query?: {
                role?: components["schemas"]["Role"] | null;
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -created_at, created_at */
                sort?: "-created_at" | "created_at";
            };
            header?: never;
            path: {
                organisation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MembershipPage"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createMembership: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organisation_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MembershipCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MembershipRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteMembership: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organisation_id: string;
                membership_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPartnerships: {
        parameters: {
            query?: {
                /** @description Only partnerships this organisation is in */
                organisation_id?: string | null;
                /** @description Name contains */
                q?: string | null;
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -created_at, -name, created_at, name */
                sort?: "-created_at" | "-name" | "created_at" | "name";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnershipPage"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPartnership: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PartnershipCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The address of the record just created */
                    Location: string;
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnershipRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPartnership: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partnership_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnershipRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updatePartnership: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag you read, as it was given (required: a missing one or `*` gets 428; a stale or weak one 412, since If-Match compares strongly) */
                "If-Match": string;
            };
            path: {
                partnership_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PartnershipUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnershipRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record changed since you read it (stale or weak If-Match) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match header missing, or `*` (name the version you read) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPartnershipMembers: {
        parameters: {
            query?: {
                /** @description Include organisations that have left, with `left_at` */
                include_former?: boolean;
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -joined_at, joined_at */
                sort?: "-joined_at" | "joined_at";
            };
            header?: never;
            path: {
                partnership_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnershipMemberPage"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addPartnershipMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partnership_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PartnershipMemberAdd"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnershipMemberRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removePartnershipMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partnership_id: string;
                organisation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPartnershipLeads: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partnership_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnershipLeadRead"][];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addPartnershipLead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partnership_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PartnershipLeadAdd"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnershipLeadRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removePartnershipLead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partnership_id: string;
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listInstruments: {
        parameters: {
            query?: {
                organisation_id?: string | null;
                /** @description Code contains */
                q?: string | null;
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -code, -created_at, code, created_at */
                sort?: "-code" | "-created_at" | "code" | "created_at";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstrumentPage"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createInstrument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InstrumentCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The address of the record just created */
                    Location: string;
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstrumentRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInstrument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                instrument_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstrumentRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateInstrument: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag you read, as it was given (required: a missing one or `*` gets 428; a stale or weak one 412, since If-Match compares strongly) */
                "If-Match": string;
            };
            path: {
                instrument_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["InstrumentUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InstrumentRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record changed since you read it (stale or weak If-Match) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match header missing, or `*` (name the version you read) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createInstrumentVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                instrument_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInstrumentVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                version_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateInstrumentVersion: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag you read, as it was given (required: a missing one or `*` gets 428; a stale or weak one 412, since If-Match compares strongly) */
                "If-Match": string;
            };
            path: {
                version_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["VersionContentUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record changed since you read it (stale or weak If-Match) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match header missing, or `*` (name the version you read) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateCodesign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                version_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CodesignSettings"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listContributions: {
        parameters: {
            query?: {
                kind?: components["schemas"]["ContributionKind"] | null;
                status?: components["schemas"]["ContributionStatus"] | null;
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -created_at, created_at */
                sort?: "-created_at" | "created_at";
            };
            header?: never;
            path: {
                version_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContributionPage"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createContribution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                version_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContributionCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContributionRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createVote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contribution_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContributionRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteVote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contribution_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContributionRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acceptContribution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contribution_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContributionAccept"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContributionRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    declineContribution: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                contribution_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContributionDecline"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContributionRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReviewState: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                version_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewState"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    requestReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                version_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewState"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                version_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewState"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    publishInstrumentVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                version_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getReviewPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organisation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewPolicyRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateReviewPolicy: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag you read, as it was given (required: a missing one or `*` gets 428; a stale or weak one 412, since If-Match compares strongly) */
                "If-Match": string;
            };
            path: {
                organisation_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReviewPolicyUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewPolicyRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record changed since you read it (stale or weak If-Match) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match header missing, or `*` (name the version you read) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getInstrumentInvolvement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                instrument_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Involvement"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrganisationInvolvement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organisation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Involvement"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCampaigns: {
        parameters: {
            query?: {
                organisation_id?: string | null;
                instrument_id?: string | null;
                state?: ("scheduled" | "open" | "closed") | null;
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -created_at, -name, -opens_at, created_at, name, opens_at */
                sort?: "-created_at" | "-name" | "-opens_at" | "created_at" | "name" | "opens_at";
            };
            header?: {
                /** @description Optional: ETags of answers you hold (or `*`). When the answer would be one of them it is not sent again: 304 Not Modified, with its ETag and no body. Tags compare weakly (`W/` or not); a field that is not a list of entity tags is ignored and the answer sent in full */
                "If-None-Match"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The answer's entity tag (weak): send it back in If-None-Match to be told 304 Not Modified while the answer is unchanged. It differs between callers who may see different things */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignPage"];
                };
            };
            /** @description Not Modified: the answer is still the one whose ETag you sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The answer's entity tag (weak): send it back in If-None-Match to be told 304 Not Modified while the answer is unchanged. It differs between callers who may see different things */
                    ETag: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The address of the record just created */
                    Location: string;
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateCampaign: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag you read, as it was given (required: a missing one or `*` gets 428; a stale or weak one 412, since If-Match compares strongly) */
                "If-Match": string;
            };
            path: {
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record changed since you read it (stale or weak If-Match) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match header missing, or `*` (name the version you read) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    closeCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listCampaignLinks: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignLink"][];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCampaignLinkQr: {
        parameters: {
            query?: {
                /** @description Pixels per module */
                scale?: number;
            };
            header?: never;
            path: {
                campaign_id: string;
                service_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An SVG image */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/svg+xml": string;
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAccessCodeBatches: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessCodeBatchRead"][];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createAccessCodes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccessCodesCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessCodesCreated"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    revokeAccessCodes: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaign_id: string;
                batch_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccessCodeBatchRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPushedResponses: {
        parameters: {
            query?: {
                /** @description Only the records with these external ids (repeat the parameter, up to 100) */
                external_id?: string[];
                campaign_id?: string | null;
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -submitted_at, submitted_at */
                sort?: "-submitted_at" | "submitted_at";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponsePage"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listResponseChanges: {
        parameters: {
            query?: {
                /** @description First call: start from changes made at or after this moment (RFC 3339; for responses, from the start of its day, UTC, as anonymous campaigns keep only the day). Without it and without `cursor`, the feed starts from the beginning */
                changed_since?: string | null;
                /** @description From the previous page's `next_cursor` */
                cursor?: string | null;
                /** @description Page size */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponseChangePage"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retractResponses: {
        parameters: {
            query?: {
                /** @description best_effort retracts the known ids; atomic retracts all or nothing */
                mode?: "best_effort" | "atomic";
                /** @description Check and report without retracting anything */
                dry_run?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetractionRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetractionSummary"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPushedMeasurements: {
        parameters: {
            query?: {
                /** @description Only the records with these external ids (repeat the parameter, up to 100) */
                external_id?: string[];
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -period_end, period_end */
                sort?: "-period_end" | "period_end";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasurementPage"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMeasurementChanges: {
        parameters: {
            query?: {
                /** @description First call: start from changes made at or after this moment (RFC 3339; for responses, from the start of its day, UTC, as anonymous campaigns keep only the day). Without it and without `cursor`, the feed starts from the beginning */
                changed_since?: string | null;
                /** @description From the previous page's `next_cursor` */
                cursor?: string | null;
                /** @description Page size */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasurementChangePage"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    retractMeasurements: {
        parameters: {
            query?: {
                /** @description best_effort retracts the known ids; atomic retracts all or nothing */
                mode?: "best_effort" | "atomic";
                /** @description Check and report without retracting anything */
                dry_run?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RetractionRequest"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RetractionSummary"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPaperResponse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaperResponseCreate"];
            };
        };
        responses: {
            /** @description Already entered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmissionReceipt"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmissionReceipt"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listResponses: {
        parameters: {
            query?: {
                service_id?: string | null;
                channel?: components["schemas"]["Channel"] | null;
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -submitted_at, submitted_at */
                sort?: "-submitted_at" | "submitted_at";
            };
            header?: never;
            path: {
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponsePage"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getResponse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                response_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponseRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listComments: {
        parameters: {
            query?: {
                moderation?: components["schemas"]["Moderation"] | null;
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -question_key, question_key */
                sort?: "-question_key" | "question_key";
            };
            header?: never;
            path: {
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentPage"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    moderateAnswer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                answer_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ModerationDecision"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommentRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportResponses: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listHeldResponses: {
        parameters: {
            query?: {
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -submitted_at, submitted_at */
                sort?: "-submitted_at" | "submitted_at";
            };
            header?: never;
            path: {
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponsePage"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    decideHeldResponses: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HeldDecision"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HeldDecisionResult"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCampaignResults: {
        parameters: {
            query?: {
                period?: "all" | "month" | "week";
                service_id?: string | null;
                organisation_id?: string | null;
                partnership_id?: string | null;
            };
            header?: {
                /** @description Optional: ETags of answers you hold (or `*`). When the answer would be one of them it is not sent again: 304 Not Modified, with its ETag and no body. Tags compare weakly (`W/` or not); a field that is not a list of entity tags is ignored and the answer sent in full */
                "If-None-Match"?: string | null;
            };
            path: {
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The answer's entity tag (weak): send it back in If-None-Match to be told 304 Not Modified while the answer is unchanged. It differs between callers who may see different things */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CampaignResults"];
                };
            };
            /** @description Not Modified: the answer is still the one whose ETag you sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The answer's entity tag (weak): send it back in If-None-Match to be told 304 Not Modified while the answer is unchanged. It differs between callers who may see different things */
                    ETag: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportCampaignResults: {
        parameters: {
            query?: {
                period?: "all" | "month" | "week";
                service_id?: string | null;
                organisation_id?: string | null;
                partnership_id?: string | null;
            };
            header?: never;
            path: {
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPublicSurvey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicSurvey"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    submitResponse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubmissionCreate"];
            };
        };
        responses: {
            /** @description Already received */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmissionReceipt"];
                };
            };
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubmissionReceipt"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (RFC 9110 §10.2.3) */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ingestResponses: {
        parameters: {
            query?: {
                /** @description best_effort stores the valid items; atomic stores all or nothing */
                mode?: "best_effort" | "atomic";
                /** @description Validate and report without writing anything */
                dry_run?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IngestResponsesBatch"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportSummary"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ingestMeasurements: {
        parameters: {
            query?: {
                /** @description best_effort stores the valid items; atomic stores all or nothing */
                mode?: "best_effort" | "atomic";
                /** @description Validate and report without writing anything */
                dry_run?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IngestMeasurementsBatch"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportSummary"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listImports: {
        parameters: {
            query?: {
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -created_at, created_at */
                sort?: "-created_at" | "created_at";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJobPage"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createImport: {
        parameters: {
            query: {
                kind: "responses" | "measurements";
                campaign_id?: string | null;
                /** @description People: the organisation whose data this is */
                organisation_id?: string | null;
                mode?: "best_effort" | "atomic";
                /** @description The file's format: needed when it is sent as application/octet-stream (or as a form part of another type); when given, it says the format whatever the Content-Type */
                format?: ("csv" | "ndjson" | "fhir") | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /**
                     * Format: binary
                     * @description The file. Its part's Content-Type says the format (text/csv, application/x-ndjson, application/fhir+json) and may carry a charset; with application/octet-stream or any other type, say the format in `format`.
                     */
                    file: string;
                };
                "text/csv": string;
                "application/x-ndjson": string;
                "application/fhir+json": string;
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description Accepted: the job, queued */
            202: {
                headers: {
                    /** @description The job, to poll for progress */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJobRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getImport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                import_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportJobRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getImportErrors: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                import_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getImportRefusedRows: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                import_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No longer usable (used, withdrawn or expired) */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getCampaignTemplate: {
        parameters: {
            query?: {
                /** @description Add a guidance row under the header: what each column takes (a comment row, skipped by imports) */
                guidance?: boolean;
            };
            header?: never;
            path: {
                campaign_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV header row (and, asked, the guidance row) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMeasurementsTemplate: {
        parameters: {
            query?: {
                /** @description Add a guidance row under the header: what each column takes (a comment row, skipped by imports) */
                guidance?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV header row (and, asked, the guidance row) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listFrameworks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FrameworkRead"][];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listIndicators: {
        parameters: {
            query?: {
                standard_id?: string | null;
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -code, -created_at, code, created_at */
                sort?: "-code" | "-created_at" | "code" | "created_at";
            };
            header?: {
                /** @description Optional: ETags of answers you hold (or `*`). When the answer would be one of them it is not sent again: 304 Not Modified, with its ETag and no body. Tags compare weakly (`W/` or not); a field that is not a list of entity tags is ignored and the answer sent in full */
                "If-None-Match"?: string | null;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The answer's entity tag (weak): send it back in If-None-Match to be told 304 Not Modified while the answer is unchanged. It differs between callers who may see different things */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IndicatorPage"];
                };
            };
            /** @description Not Modified: the answer is still the one whose ETag you sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The answer's entity tag (weak): send it back in If-None-Match to be told 304 Not Modified while the answer is unchanged. It differs between callers who may see different things */
                    ETag: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createIndicator: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IndicatorCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IndicatorRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getIndicator: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                indicator_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IndicatorRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listMeasurements: {
        parameters: {
            query?: {
                organisation_id?: string | null;
                service_id?: string | null;
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -period_end, period_end */
                sort?: "-period_end" | "period_end";
            };
            header?: {
                /** @description Optional: ETags of answers you hold (or `*`). When the answer would be one of them it is not sent again: 304 Not Modified, with its ETag and no body. Tags compare weakly (`W/` or not); a field that is not a list of entity tags is ignored and the answer sent in full */
                "If-None-Match"?: string | null;
            };
            path: {
                indicator_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The answer's entity tag (weak): send it back in If-None-Match to be told 304 Not Modified while the answer is unchanged. It differs between callers who may see different things */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeasurementPage"];
                };
            };
            /** @description Not Modified: the answer is still the one whose ETag you sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The answer's entity tag (weak): send it back in If-None-Match to be told 304 Not Modified while the answer is unchanged. It differs between callers who may see different things */
                    ETag: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getIndicatorChart: {
        parameters: {
            query: {
                organisation_id: string;
                service_id?: string | null;
                baseline_points?: number | null;
                /** @description Start new limits at the first period ending on or after each date */
                recalculate_at?: string[] | null;
                run_length?: number;
                screen_moving_ranges?: boolean;
                two_of_three?: "beyond_band" | "within_limits";
            };
            header?: {
                /** @description Optional: ETags of answers you hold (or `*`). When the answer would be one of them it is not sent again: 304 Not Modified, with its ETag and no body. Tags compare weakly (`W/` or not); a field that is not a list of entity tags is ignored and the answer sent in full */
                "If-None-Match"?: string | null;
            };
            path: {
                indicator_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The answer's entity tag (weak): send it back in If-None-Match to be told 304 Not Modified while the answer is unchanged. It differs between callers who may see different things */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChartRead"];
                };
            };
            /** @description Not Modified: the answer is still the one whose ETag you sent in If-None-Match (no body) */
            304: {
                headers: {
                    /** @description The answer's entity tag (weak): send it back in If-None-Match to be told 304 Not Modified while the answer is unchanged. It differs between callers who may see different things */
                    ETag: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createAnnotation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                indicator_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnnotationCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnotationRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteAnnotation: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional: when sent, the ETag you read, as it was given (a stale or weak one gets 412, since If-Match compares strongly) */
                "If-Match"?: string | null;
            };
            path: {
                indicator_id: string;
                annotation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record changed since you read it (stale or weak If-Match) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateAnnotation: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag you read, as it was given (required: a missing one or `*` gets 428; a stale or weak one 412, since If-Match compares strongly) */
                "If-Match": string;
            };
            path: {
                indicator_id: string;
                annotation_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnnotationUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AnnotationRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record changed since you read it (stale or weak If-Match) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match header missing, or `*` (name the version you read) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPartnershipIndicators: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partnership_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnershipIndicatorsRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listActions: {
        parameters: {
            query?: {
                partnership_id?: string | null;
                organisation_id?: string | null;
                status?: components["schemas"]["ActionStatus"][] | null;
                standard_id?: string | null;
                origin?: components["schemas"]["ActionOrigin"] | null;
                overdue?: boolean | null;
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -created_at, -updated_at, created_at, updated_at */
                sort?: "-created_at" | "-updated_at" | "created_at" | "updated_at";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionPage"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createAction: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActionCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The address of the record just created */
                    Location: string;
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                action_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateAction: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag you read, as it was given (required: a missing one or `*` gets 428; a stale or weak one 412, since If-Match compares strongly) */
                "If-Match": string;
            };
            path: {
                action_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActionUpdatePatch"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record changed since you read it (stale or weak If-Match) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match header missing, or `*` (name the version you read) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    changeActionStatus: {
        parameters: {
            query?: never;
            header?: {
                /** @description Optional: when sent, the ETag you read, as it was given (a stale or weak one gets 412, since If-Match compares strongly) */
                "If-Match"?: string | null;
            };
            path: {
                action_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StatusChange"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActionRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record changed since you read it (stale or weak If-Match) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addActionResponsibility: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                action_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResponsibilityIn"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponsibilityRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    acceptActionResponsibility: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                action_id: string;
                organisation_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResponsibilityDecision"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponsibilityRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    declineActionResponsibility: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                action_id: string;
                organisation_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResponsibilityDecision"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponsibilityRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateActionResponsibility: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag you read, as it was given (required: a missing one or `*` gets 428; a stale or weak one 412, since If-Match compares strongly) */
                "If-Match": string;
            };
            path: {
                action_id: string;
                organisation_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResponsibilityUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResponsibilityRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record changed since you read it (stale or weak If-Match) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match header missing, or `*` (name the version you read) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listActionSupports: {
        parameters: {
            query?: {
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -created_at, created_at */
                sort?: "-created_at" | "created_at";
            };
            header?: never;
            path: {
                action_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportPage"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addActionSupport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                action_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupportRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    removeActionSupport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                action_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listActionUpdates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                action_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressUpdateRead"][];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    addActionUpdate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                action_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ProgressUpdateCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProgressUpdateRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getActionTimeline: {
        parameters: {
            query?: {
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -occurred_at, occurred_at */
                sort?: "-occurred_at" | "occurred_at";
            };
            header?: never;
            path: {
                action_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimelinePage"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listPdsaCycles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                action_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PdsaRead"][];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createPdsaCycle: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                action_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PdsaCreate"];
            };
        };
        responses: {
            /** @description Successful Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PdsaRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updatePdsaCycle: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag you read, as it was given (required: a missing one or `*` gets 428; a stale or weak one 412, since If-Match compares strongly) */
                "If-Match": string;
            };
            path: {
                cycle_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PdsaUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PdsaRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record changed since you read it (stale or weak If-Match) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match header missing, or `*` (name the version you read) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getOrganisationAccountability: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                organisation_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrganisationAccountability"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPartnershipAccountability: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partnership_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PartnershipAccountability"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    exportPartnershipAccountability: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partnership_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description CSV */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/csv": string;
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPartnershipReport: {
        parameters: {
            query: {
                period_start: string;
                period_end: string;
                /** @description The report's language; by default the request's Accept-Language */
                language?: ("en" | "cy") | null;
            };
            header?: never;
            path: {
                partnership_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getPublicActions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                partnership_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicActionsPage"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookSubscriptions: {
        parameters: {
            query?: {
                organisation_id?: string | null;
                is_active?: boolean | null;
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -created_at, -url, created_at, url */
                sort?: "-created_at" | "-url" | "created_at" | "url";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionPage"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    createWebhookSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookSubscriptionCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The address of the record just created */
                    Location: string;
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionWithSecret"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhookSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    deleteWebhookSubscription: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateWebhookSubscription: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag you read, as it was given (required: a missing one or `*` gets 428; a stale or weak one 412, since If-Match compares strongly) */
                "If-Match": string;
            };
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookSubscriptionUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    /** @description The record's version, to send back in If-Match when you change it */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The record changed since you read it (stale or weak If-Match) */
            412: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description If-Match header missing, or `*` (name the version you read) */
            428: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    rotateWebhookSecret: {
        parameters: {
            query?: {
                /** @description Seconds the old secret still signs */
                previous_valid_for?: number;
            };
            header?: never;
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionWithSecret"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookDeliveries: {
        parameters: {
            query?: {
                status?: components["schemas"]["DeliveryStatus"] | null;
                event_type?: components["schemas"]["WebhookEventType"] | null;
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -created_at, -next_attempt_at, created_at, next_attempt_at */
                sort?: "-created_at" | "-next_attempt_at" | "created_at" | "next_attempt_at";
            };
            header?: never;
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPage"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookEvents: {
        parameters: {
            query?: {
                /** @description Page size */
                limit?: number;
                /** @description An event's `cursor`, or `next_cursor` */
                cursor?: string | null;
            };
            header?: never;
            path: {
                subscription_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookEventPage"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getWebhookDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listWebhookDeliveryAttempts: {
        parameters: {
            query?: {
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -attempted_at, attempted_at */
                sort?: "-attempted_at" | "attempted_at";
            };
            header?: never;
            path: {
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAttemptPage"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    redeliverWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                delivery_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Conflicts with an existing record, or with the record's state */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listNotifications: {
        parameters: {
            query?: {
                unread?: boolean | null;
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -created_at, created_at */
                sort?: "-created_at" | "created_at";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    readNotification: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                notification_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    readAllNotifications: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    updateNotificationPreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationPreferencesUpdate"];
            };
        };
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPreferences"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The request's body did not all arrive in time; nothing was changed */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Request body too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Body sent in a media type this operation does not take */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getMyAgenda: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agenda"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getStream: {
        parameters: {
            query?: {
                /** @description End the stream after this long */
                seconds?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An event stream */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": {
                        /** @enum {string} */
                        event?: "results" | "indicators" | "notification" | "end";
                        data?: string;
                    };
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description You hold the most live streams one person may; see Retry-After */
            429: {
                headers: {
                    /** @description Seconds to wait before trying again (RFC 9110 §10.2.3) */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The server holds its most live streams, or is stopping; see Retry-After */
            503: {
                headers: {
                    /** @description Seconds to wait before trying again (RFC 9110 §10.2.3) */
                    "Retry-After": number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                record_type?: string | null;
                record_id?: string | null;
                /** @description An action (`service.updated`) or its prefix (`service`) */
                action?: string | null;
                actor_id?: string | null;
                actor_type?: components["schemas"]["ActorType"] | null;
                organisation_id?: string | null;
                partnership_id?: string | null;
                /** @description From this time (RFC 3339), inclusive */
                since?: string | null;
                /** @description Before this time (RFC 3339) */
                until?: string | null;
                /** @description Page size */
                limit?: number;
                /** @description Opaque cursor from `next_cursor` */
                cursor?: string | null;
                /** @description Sort field, `-` prefix for descending. One of: -occurred_at, occurred_at */
                sort?: "-occurred_at" | "occurred_at";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventPage"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getAuditEvent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                event_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Successful Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEventRead"];
                };
            };
            /** @description Bad request */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the token is invalid, expired or revoked */
            401: {
                headers: {
                    /** @description The scheme to authenticate with (RFC 9110 §11.6.1) */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in but not allowed */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such record visible to you */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Validation failed; `errors` lists the fields */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    getFhirCapabilities: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A CapabilityStatement */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirCapabilityStatement"];
                    "application/json": components["schemas"]["FhirCapabilityStatement"];
                };
            };
        };
    };
    getQuestionnaire: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                questionnaire_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A Questionnaire */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirQuestionnaire"];
                    "application/json": components["schemas"]["FhirQuestionnaire"];
                };
            };
            /** @description Refused (401 Unauthorized): an OperationOutcome */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (403 Forbidden): an OperationOutcome */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (404 Not Found): an OperationOutcome */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (422 Unprocessable Entity): an OperationOutcome */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
        };
    };
    listQuestionnaires: {
        parameters: {
            query?: {
                /** @description Canonical url (`url|version` works too) */
                url?: string | null;
                /** @description Version number */
                version?: string | null;
                /** @description Instruments per page */
                _count?: number;
                /** @description From a `next` link */
                _cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A searchset Bundle */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirBundle"];
                    "application/json": components["schemas"]["FhirBundle"];
                };
            };
            /** @description Refused (400 Bad Request): an OperationOutcome */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (401 Unauthorized): an OperationOutcome */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (403 Forbidden): an OperationOutcome */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (422 Unprocessable Entity): an OperationOutcome */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
        };
    };
    listQuestionnaireResponses: {
        parameters: {
            query?: {
                /** @description `system|value` or `value`: your id for a response */
                identifier?: string | null;
                /** @description When last stored or changed, e.g. `ge2026-05-01` or `lt2026-05-01T12:00:00Z` */
                _lastUpdated?: string[] | null;
                /** @description Page size; 0 answers a Bundle with no entries (FHIR allows it) */
                _count?: number;
                /** @description From a `next` link */
                _cursor?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A searchset Bundle */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirBundle"];
                    "application/json": components["schemas"]["FhirBundle"];
                };
            };
            /** @description Refused (400 Bad Request): an OperationOutcome */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (401 Unauthorized): an OperationOutcome */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (403 Forbidden): an OperationOutcome */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (422 Unprocessable Entity): an OperationOutcome */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
        };
    };
    createQuestionnaireResponse: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A QuestionnaireResponse, as application/fhir+json (application/json and application/json+fhir are taken too). */
        requestBody: {
            content: {
                "application/fhir+json": components["schemas"]["FhirQuestionnaireResponsePush"];
            };
        };
        responses: {
            /** @description Unchanged or updated: the stored QuestionnaireResponse */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirQuestionnaireResponse"];
                    "application/json": components["schemas"]["FhirQuestionnaireResponse"];
                };
            };
            /** @description Created: the stored QuestionnaireResponse */
            201: {
                headers: {
                    /** @description The address of the record just created */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirQuestionnaireResponse"];
                    "application/json": components["schemas"]["FhirQuestionnaireResponse"];
                };
            };
            /** @description Refused (400 Bad Request): an OperationOutcome */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (401 Unauthorized): an OperationOutcome */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (403 Forbidden): an OperationOutcome */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (404 Not Found): an OperationOutcome */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (408): an OperationOutcome */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (409 Conflict): an OperationOutcome */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (413 Payload Too Large): an OperationOutcome */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (415 Unsupported Media Type): an OperationOutcome */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (422 Unprocessable Entity): an OperationOutcome */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
        };
    };
    getQuestionnaireResponse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                response_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A QuestionnaireResponse */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirQuestionnaireResponse"];
                    "application/json": components["schemas"]["FhirQuestionnaireResponse"];
                };
            };
            /** @description Refused (401 Unauthorized): an OperationOutcome */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (403 Forbidden): an OperationOutcome */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (404 Not Found): an OperationOutcome */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (410 Gone): an OperationOutcome */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (422 Unprocessable Entity): an OperationOutcome */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
        };
    };
    ingestFhirBundle: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A Bundle of type batch or transaction, as application/fhir+json (application/json and application/json+fhir are taken too). */
        requestBody: {
            content: {
                "application/fhir+json": components["schemas"]["FhirBundlePush"];
            };
        };
        responses: {
            /** @description A batch-response or transaction-response Bundle */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirBundle"];
                    "application/json": components["schemas"]["FhirBundle"];
                };
            };
            /** @description Refused (400 Bad Request): an OperationOutcome */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (401 Unauthorized): an OperationOutcome */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (403 Forbidden): an OperationOutcome */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (404 Not Found): an OperationOutcome */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (408): an OperationOutcome */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (409 Conflict): an OperationOutcome */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (413 Payload Too Large): an OperationOutcome */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (415 Unsupported Media Type): an OperationOutcome */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
            /** @description Refused (422 Unprocessable Entity): an OperationOutcome */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/fhir+json": components["schemas"]["FhirOperationOutcome"];
                    "application/json": components["schemas"]["FhirOperationOutcome"];
                };
            };
        };
    };
    responseCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id, same on every retry */
                "webhook-id": string;
                /** @description Unix seconds when sent */
                "webhook-timestamp": number;
                /** @description `v1,<base64 HMAC-SHA256>`, space-separated if several */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResponseCreatedEvent"];
            };
        };
        responses: {
            /** @description Received: any 2xx status acknowledges (the body is ignored) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not received: retried with backoff for 24 hours */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not received: retried with backoff for 24 hours */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    responseUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id, same on every retry */
                "webhook-id": string;
                /** @description Unix seconds when sent */
                "webhook-timestamp": number;
                /** @description `v1,<base64 HMAC-SHA256>`, space-separated if several */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResponseUpdatedEvent"];
            };
        };
        responses: {
            /** @description Received: any 2xx status acknowledges (the body is ignored) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not received: retried with backoff for 24 hours */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not received: retried with backoff for 24 hours */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    responsesIngestedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id, same on every retry */
                "webhook-id": string;
                /** @description Unix seconds when sent */
                "webhook-timestamp": number;
                /** @description `v1,<base64 HMAC-SHA256>`, space-separated if several */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResponsesIngestedEvent"];
            };
        };
        responses: {
            /** @description Received: any 2xx status acknowledges (the body is ignored) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not received: retried with backoff for 24 hours */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not received: retried with backoff for 24 hours */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    resultsReleasedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id, same on every retry */
                "webhook-id": string;
                /** @description Unix seconds when sent */
                "webhook-timestamp": number;
                /** @description `v1,<base64 HMAC-SHA256>`, space-separated if several */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResultsReleasedEvent"];
            };
        };
        responses: {
            /** @description Received: any 2xx status acknowledges (the body is ignored) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not received: retried with backoff for 24 hours */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not received: retried with backoff for 24 hours */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    importCompletedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id, same on every retry */
                "webhook-id": string;
                /** @description Unix seconds when sent */
                "webhook-timestamp": number;
                /** @description `v1,<base64 HMAC-SHA256>`, space-separated if several */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportCompletedEvent"];
            };
        };
        responses: {
            /** @description Received: any 2xx status acknowledges (the body is ignored) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not received: retried with backoff for 24 hours */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not received: retried with backoff for 24 hours */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    campaignClosedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id, same on every retry */
                "webhook-id": string;
                /** @description Unix seconds when sent */
                "webhook-timestamp": number;
                /** @description `v1,<base64 HMAC-SHA256>`, space-separated if several */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CampaignClosedEvent"];
            };
        };
        responses: {
            /** @description Received: any 2xx status acknowledges (the body is ignored) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not received: retried with backoff for 24 hours */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not received: retried with backoff for 24 hours */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    measurementCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id, same on every retry */
                "webhook-id": string;
                /** @description Unix seconds when sent */
                "webhook-timestamp": number;
                /** @description `v1,<base64 HMAC-SHA256>`, space-separated if several */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MeasurementCreatedEvent"];
            };
        };
        responses: {
            /** @description Received: any 2xx status acknowledges (the body is ignored) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not received: retried with backoff for 24 hours */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not received: retried with backoff for 24 hours */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    measurementUpdatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id, same on every retry */
                "webhook-id": string;
                /** @description Unix seconds when sent */
                "webhook-timestamp": number;
                /** @description `v1,<base64 HMAC-SHA256>`, space-separated if several */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MeasurementUpdatedEvent"];
            };
        };
        responses: {
            /** @description Received: any 2xx status acknowledges (the body is ignored) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not received: retried with backoff for 24 hours */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not received: retried with backoff for 24 hours */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    indicatorSignalWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id, same on every retry */
                "webhook-id": string;
                /** @description Unix seconds when sent */
                "webhook-timestamp": number;
                /** @description `v1,<base64 HMAC-SHA256>`, space-separated if several */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IndicatorSignalEvent"];
            };
        };
        responses: {
            /** @description Received: any 2xx status acknowledges (the body is ignored) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not received: retried with backoff for 24 hours */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not received: retried with backoff for 24 hours */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    actionCreatedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id, same on every retry */
                "webhook-id": string;
                /** @description Unix seconds when sent */
                "webhook-timestamp": number;
                /** @description `v1,<base64 HMAC-SHA256>`, space-separated if several */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActionCreatedEvent"];
            };
        };
        responses: {
            /** @description Received: any 2xx status acknowledges (the body is ignored) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not received: retried with backoff for 24 hours */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not received: retried with backoff for 24 hours */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    actionStatusChangedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id, same on every retry */
                "webhook-id": string;
                /** @description Unix seconds when sent */
                "webhook-timestamp": number;
                /** @description `v1,<base64 HMAC-SHA256>`, space-separated if several */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ActionStatusChangedEvent"];
            };
        };
        responses: {
            /** @description Received: any 2xx status acknowledges (the body is ignored) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not received: retried with backoff for 24 hours */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not received: retried with backoff for 24 hours */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    responseRetractedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id, same on every retry */
                "webhook-id": string;
                /** @description Unix seconds when sent */
                "webhook-timestamp": number;
                /** @description `v1,<base64 HMAC-SHA256>`, space-separated if several */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ResponseRetractedEvent"];
            };
        };
        responses: {
            /** @description Received: any 2xx status acknowledges (the body is ignored) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not received: retried with backoff for 24 hours */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not received: retried with backoff for 24 hours */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    measurementRetractedWebhook: {
        parameters: {
            query?: never;
            header: {
                /** @description The event's id, same on every retry */
                "webhook-id": string;
                /** @description Unix seconds when sent */
                "webhook-timestamp": number;
                /** @description `v1,<base64 HMAC-SHA256>`, space-separated if several */
                "webhook-signature": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MeasurementRetractedEvent"];
            };
        };
        responses: {
            /** @description Received: any 2xx status acknowledges (the body is ignored) */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not received: retried with backoff for 24 hours */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description Not received: retried with backoff for 24 hours */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
