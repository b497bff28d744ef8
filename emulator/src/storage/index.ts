export { storageRoutes } from './routes';
export { storageFor } from './storage-instance';
export { handleStorageAction, isStorageAction } from './admin-actions';
export { formatFileId, parseFileId, type CloudFile } from './file-id';
export { StorageService, STORAGE_CODES, type Requester, type StorageCode } from './storage-service';
