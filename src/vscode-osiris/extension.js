// Starts `osiris lsp` (the language server in the osiris .NET tool) for .oml files.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('osiris').get('path') || 'osiris';
  const serverOptions = { command, args: ['lsp'], transport: TransportKind.stdio };
  const clientOptions = {
    documentSelector: [{ scheme: 'file', language: 'oml' }],
    // The server re-reads pipelines, settings and component specs that change on disk.
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.oml,.globalconfig,spec.yaml,*.csproj}'),
    },
  };

  client = new LanguageClient('osiris', 'Osiris OML', serverOptions, clientOptions);
  context.subscriptions.push(client);
  return client.start().catch((error) => {
    vscode.window.showErrorMessage(
      `Osiris: could not start '${command} lsp' (${error.message}). Install the tool with 'dotnet tool install --global Osiris.Cli' or set osiris.path.`);
  });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
