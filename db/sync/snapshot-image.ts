// Opening a snapshot's database image (docs/sync.md S22) the one way it is read: read-only, the
// schema not trusted, each cell's size checked. Whatever SQLite says of a file that is no sound
// database (not one at all, a WAL image, a damaged page) is SNAPSHOT_INVALID.
import Database from 'better-sqlite3';
import { AppError } from '../../domain/errors';

export function openImage(file: string): Database.Database {
  const image = new Database(file, { readonly: true, fileMustExist: true });
  try {
    image.pragma('trusted_schema = OFF');
    image.pragma('cell_size_check = ON');
    return image;
  } catch (error) {
    image.close();
    throw error;
  }
}

/** An error met reading the image, as the AppError the user sees. */
export function imageError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError('SNAPSHOT_INVALID', `数据库无法读取：${(error as Error).message}`);
}
