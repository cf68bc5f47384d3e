import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createServer } from './createServer';

// The built entry (`node dist/server.js --stdio`): the transport comes from the command line.
createServer(createConnection(ProposedFeatures.all));
