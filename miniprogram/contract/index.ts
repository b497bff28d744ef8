// 自动生成，请勿修改：源文件在 contract/src（npm run build 同步）。
export * from './errors';
export * from './envelope';
export * from './user';
export * from './limits';
export * from './functions';
export * from './account';
