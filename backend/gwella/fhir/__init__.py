"""FHIR R4 for partner systems: instruments as Questionnaires, QuestionnaireResponses pushed in
as survey responses (with the same rules and idempotency as bulk ingestion), and every refusal
as an OperationOutcome. Resources are parsed and built with fhir.resources (its R4B models,
whose Questionnaire, QuestionnaireResponse, Bundle and OperationOutcome are those of R4).

One module per resource, none touching the database: ``questionnaire``,
``questionnaire_response`` (a stored response, out), ``submission`` (a pushed one, in),
``bundle``, ``capability`` and ``outcome``, all built on ``datatypes``. ``service`` reaches
the other domains through their services; ``router`` is the HTTP."""
