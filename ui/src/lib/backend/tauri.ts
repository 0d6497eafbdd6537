import { commands, type CommandError, type Result } from '../../bindings';
import { BackendError, type Backend } from './backend';

async function unwrap<T>(call: Promise<Result<T, CommandError>>): Promise<T> {
  let result: Result<T, CommandError>;
  try {
    result = await call;
  } catch (e) {
    throw BackendError.from(e);
  }
  if (result.status === 'ok') return result.data;
  throw BackendError.from(result.error);
}

export class TauriBackend implements Backend {
  siteCurrent = () => unwrap(commands.siteCurrent());
  siteOpen = (path: string) => unwrap(commands.siteOpen(path));
  siteCreate = (path: string, name: string) => unwrap(commands.siteCreate(path, name));
  siteRecent = () => unwrap(commands.siteRecent());
  articleList = (filter: Parameters<Backend['articleList']>[0]) =>
    unwrap(commands.articleList(filter));
  articleGet = (id: number) => unwrap(commands.articleGet(id));
  articleCreate = (input: Parameters<Backend['articleCreate']>[0]) =>
    unwrap(commands.articleCreate(input));
  articleUpdate = (id: number, input: Parameters<Backend['articleUpdate']>[1]) =>
    unwrap(commands.articleUpdate(id, input));
  categoryList = () => unwrap(commands.categoryList());
  authorList = () => unwrap(commands.authorList());
  monthList = () => unwrap(commands.monthList());
  startupProblem = async () => {
    const problem = await unwrap(commands.startupProblem());
    return problem ? new BackendError(problem.code, problem.message) : null;
  };
  appReady = async () => {
    await commands.appReady();
  };
  pickFolder = () => unwrap(commands.pickFolder());
}
