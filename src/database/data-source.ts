import { loadConfig } from 'src/config/app-config';
import { readEnvironment } from 'src/config/environment';
import { dataSourceOptions } from 'src/database/data-source-options';
import { DataSource } from 'typeorm';

/** Data source for the TypeORM CLI (migration:run / migration:generate); the app builds its own. */
export default new DataSource(dataSourceOptions({ ...loadConfig(readEnvironment()).database, poolSize: 2 }));
