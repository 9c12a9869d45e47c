// The provider catalog: schema and loader.
export { catalogFileSchema, OFFER_PARAMETERS, type Catalog, type CatalogFile, type Offer } from "./schema.js";
export { DEFAULT_CATALOG_PATH, loadCatalog, loadDefaultCatalog } from "./load-catalog.js";
