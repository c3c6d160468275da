import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
import { adminUnitRoutes } from './admin-units.route';
import { analysisRoutes } from './analysis.route';
import { boundaryVersionRoutes } from './boundary-versions.route';
import { clusterRoutes } from './clusters.route';
import { configRoutes } from './config.route';
import { decisionRoutes } from './decisions.route';
import { glyphRoutes } from './glyphs.route';
import { healthRoutes } from './health.route';
import { ogcRoutes } from './ogc.route';
import { inspectionRoutes } from './inspections.route';
import { planRoutes } from './plan.route';
import { plotRoutes } from './plots.route';
import { projectRoutes } from './projects.route';

/** Every route module of the API, registered in order. Add one line per module. */
export async function registerRoutes(app: FastifyInstance, db: Database): Promise<void> {
  healthRoutes(app, db);
  clusterRoutes(app, db);
  adminUnitRoutes(app, db);
  planRoutes(app, db);
  plotRoutes(app, db);
  projectRoutes(app, db);
  inspectionRoutes(app, db);
  decisionRoutes(app, db);
  boundaryVersionRoutes(app, db);
  ogcRoutes(app, db);
  glyphRoutes(app, db);
  configRoutes(app, db);
  analysisRoutes(app, db);
}
