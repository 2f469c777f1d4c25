export * from './report';
export * from './options';
export { checkWorkbook, unreadableFile, columnsJson } from './check';
