import { ask } from './chatHelper.js';
import { suggestReply } from './suggestReply.js';
import { translateAll } from './translate.js';

export { ask, suggestReply, translateAll };
