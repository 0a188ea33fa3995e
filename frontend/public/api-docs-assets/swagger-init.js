// Starts Swagger UI on the API documentation page, /api/docs. The page itself comes from
// the API server (install_api_docs in backend/gwella/main.py) and names the spec in the
// data-openapi-url attribute of #swagger-ui. This is a served file, not an inline <script>,
// so that the page's Content-Security-Policy keeps script-src to 'self'.
(function () {
  'use strict';
  const root = document.getElementById('swagger-ui');
  const SwaggerUIBundle = /** @type {any} */ (window).SwaggerUIBundle;
  if (!root || typeof SwaggerUIBundle !== 'function') return;
  /** @type {any} */ (window).ui = SwaggerUIBundle({
    url: root.dataset.openapiUrl,
    domNode: root,
    layout: 'BaseLayout',
    deepLinking: true,
    showExtensions: true,
    showCommonExtensions: true,
    // Never ask the public validator service about the spec.
    validatorUrl: 'none',
    presets: [SwaggerUIBundle.presets.apis],
  });
})();
