import { ArtifactsController } from './artifacts.controller';
import { ExportsController } from './exports.controller';

/** The HTTP routes of the documents service: exports (statement, sales documents, sales history) and artifact downloads. */
export const EXPORT_CONTROLLERS = [ExportsController, ArtifactsController];
