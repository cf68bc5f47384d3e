-- Drives the built Podlab server (dist/server.js) from Neovim's built-in LSP client, with Neovim's own capabilities,
-- and writes what it saw to PODLAB_RESULT as JSON; test/neovim/neovim.test.ts starts it and judges the result.
-- Written for Neovim 0.7 (Debian's package), so it uses only vim.lsp.start_client and friends.
-- Environment: PODLAB_NODE, PODLAB_SERVER, PODLAB_FILE (opened), PODLAB_ROOT (workspace folder, or none),
-- PODLAB_SCENARIO, PODLAB_RESULT, PODLAB_SETTINGS (JSON), PODLAB_AT (text to put the cursor on),
-- PODLAB_PLAINTEXT=1 (declare plaintext only), PODLAB_PULL_SETTINGS=1 (declare workspace/configuration),
-- PODLAB_SETUP (a Lua file to run first, for the readme scenario), PODLAB_WAIT_MS (each wait's limit).
local env = vim.env
local WAIT = tonumber(env.PODLAB_WAIT_MS or '10000')
local result = { registrations = {}, messages = {} }

local function finish(problem)
  result.error = problem
  local log = io.open(vim.lsp.get_log_path(), 'r')
  if log then
    result.log = log:read('*a')
    log:close()
  end
  local out = assert(io.open(env.PODLAB_RESULT, 'w'))
  out:write(vim.fn.json_encode(result))
  out:close()
  vim.cmd('qall!')
end

-- Every wait has a limit: the test fails with what was seen, it never hangs.
local function wait_for(what, condition)
  if not vim.wait(WAIT, condition, 20) then error('timed out waiting for ' .. what, 0) end
end

local function settings()
  if not env.PODLAB_SETTINGS or env.PODLAB_SETTINGS == '' then return nil end
  return vim.fn.json_decode(env.PODLAB_SETTINGS)
end

local function capabilities()
  local declared = vim.lsp.protocol.make_client_capabilities()
  if env.PODLAB_PLAINTEXT == '1' then
    declared.textDocument.hover.contentFormat = { 'plaintext' }
    declared.textDocument.completion.completionItem.documentationFormat = { 'plaintext' }
  end
  -- Neovim 0.8 and later declare workspace/configuration (0.7 answers it without declaring it).
  if env.PODLAB_PULL_SETTINGS == '1' then declared.workspace.configuration = true end
  result.declared = {
    snippetSupport = declared.textDocument.completion.completionItem.snippetSupport or false,
    didChangeConfigurationDynamic = vim.tbl_get and vim.tbl_get(declared, 'workspace', 'didChangeConfiguration', 'dynamicRegistration') or false,
  }
  return declared
end

local function start(buf)
  local root = env.PODLAB_ROOT ~= '' and env.PODLAB_ROOT or nil
  local id = vim.lsp.start_client({
    name = 'podlab',
    cmd = { env.PODLAB_NODE, env.PODLAB_SERVER, '--stdio' },
    root_dir = root,
    settings = settings(),
    capabilities = capabilities(),
    -- Neovim 0.7 sends no settings by itself (lspconfig does this): send them once the server is ready.
    on_init = function(client)
      if client.config.settings then client.notify('workspace/didChangeConfiguration', { settings = client.config.settings }) end
    end,
    handlers = {
      -- Neovim's own handler only logs a warning; keep what the server asked for.
      ['client/registerCapability'] = function(_, params)
        for _, registration in ipairs(params.registrations or {}) do table.insert(result.registrations, registration.method) end
        return vim.NIL
      end,
      ['window/logMessage'] = function(_, params)
        table.insert(result.messages, params.message)
      end,
    },
  })
  if not id then error('vim.lsp.start_client failed', 0) end
  vim.lsp.buf_attach_client(buf, id)
  local client
  wait_for('initialize', function()
    client = vim.lsp.get_client_by_id(id)
    return client ~= nil and client.server_capabilities ~= nil
  end)
  result.codeLensProvider = client.server_capabilities.codeLensProvider ~= nil
  return client
end

local function diagnostics(buf)
  local seen = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(buf)) do
    table.insert(seen, {
      code = diagnostic.code,
      source = diagnostic.source,
      severity = diagnostic.severity,
      message = diagnostic.message,
      lnum = diagnostic.lnum,
      col = diagnostic.col,
      end_col = diagnostic.end_col,
    })
  end
  return seen
end

local function has_code(buf, code)
  for _, diagnostic in ipairs(vim.diagnostic.get(buf)) do
    if diagnostic.code == code then return true end
  end
  return false
end

local function put_cursor_on(text)
  local line = vim.fn.search('\\V' .. vim.fn.escape(text, '\\'), 'cw')
  if line == 0 then error('not in the buffer: ' .. text, 0) end
end

local function request(buf, method, params)
  local responses = vim.lsp.buf_request_sync(buf, method, params, WAIT)
  if not responses then error('no answer to ' .. method, 0) end
  for _, response in pairs(responses) do
    if response.err then error(method .. ': ' .. vim.inspect(response.err), 0) end
    return response.result
  end
  return nil
end

local scenarios = {}

function scenarios.diagnostics(buf)
  wait_for('diagnostics', function() return #vim.diagnostic.get(buf) > 0 end)
  result.diagnostics = diagnostics(buf)
  if result.codeLensProvider then
    result.lenses = request(buf, 'textDocument/codeLens', { textDocument = vim.lsp.util.make_text_document_params() })
  end
end

function scenarios.hover(buf)
  put_cursor_on(env.PODLAB_AT)
  result.hover = request(buf, 'textDocument/hover', vim.lsp.util.make_position_params())
end

function scenarios.completion(buf)
  put_cursor_on(env.PODLAB_AT)
  -- As in insert mode at the end of the line (normal mode's cursor sits on the last character, not after it).
  local params = vim.lsp.util.make_position_params()
  params.position.character = vim.lsp.util.character_offset(buf, params.position.line, #vim.api.nvim_get_current_line(), 'utf-16')
  local answer = request(buf, 'textDocument/completion', params)
  result.items = vim.lsp.util.extract_completion_items(answer or {})
  -- What omni completion (vim.lsp.omnifunc) would put in the buffer for each item.
  local typed = vim.api.nvim_get_current_line():match('([%w_]*)$')
  result.words = {}
  for _, match in ipairs(vim.lsp.util.text_document_completion_list_to_complete_items(answer or {}, typed)) do
    table.insert(result.words, match.word)
  end
  for _, item in ipairs(result.items) do
    if item.label == env.PODLAB_PICK and item.textEdit then
      vim.lsp.util.apply_text_edits({ item.textEdit }, buf, 'utf-16')
    end
  end
  result.lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
end

function scenarios.quickfix(buf)
  wait_for('diagnostics', function() return has_code(buf, env.PODLAB_CODE) end)
  put_cursor_on(env.PODLAB_AT)
  vim.cmd('normal! 0')
  result.before = diagnostics(buf)
  local tick = vim.api.nvim_buf_get_changedtick(buf)
  result.titles = {}
  -- The user's choice in the code action menu: the first action whose title starts with PODLAB_PICK.
  vim.ui.select = function(items, opts, on_choice)
    local chosen
    for _, item in ipairs(items) do
      local title = opts.format_item(item)
      table.insert(result.titles, title)
      if not chosen and title:sub(1, #env.PODLAB_PICK) == env.PODLAB_PICK then chosen = item end
    end
    on_choice(chosen)
  end
  vim.lsp.buf.code_action()
  wait_for('the quick fix to change the buffer', function() return vim.api.nvim_buf_get_changedtick(buf) ~= tick end)
  result.lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  wait_for('the diagnostic to go', function() return not has_code(buf, env.PODLAB_CODE) end)
  result.after = diagnostics(buf)
end

function scenarios.settings(buf, client)
  local off = env.PODLAB_CODE
  wait_for('diagnostics without ' .. off, function() return #vim.diagnostic.get(buf) > 0 and not has_code(buf, off) end)
  -- Diagnostics come before the settings are read: wait until the server has had them and published again.
  vim.wait(1000, function() return has_code(buf, off) end, 20)
  result.withRuleOff = diagnostics(buf)
  -- Turn the rule back on the way lspconfig's users do: new settings, then didChangeConfiguration.
  client.config.settings = { podlab = { rules = { [off] = 'error' } } }
  client.notify('workspace/didChangeConfiguration', { settings = client.config.settings })
  wait_for(off .. ' to come back', function() return has_code(buf, off) end)
  result.withRuleOn = diagnostics(buf)
end

-- The README's set-up for Neovim 0.7 (PODLAB_SETUP), as a user has it: it starts the client on FileType.
local function run_readme_setup()
  dofile(env.PODLAB_SETUP)
  vim.cmd('edit ' .. vim.fn.fnameescape(env.PODLAB_FILE))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'yaml'
  wait_for(env.PODLAB_CODE .. ' as an error', function()
    for _, diagnostic in ipairs(vim.diagnostic.get(buf)) do
      if diagnostic.code == env.PODLAB_CODE and diagnostic.severity == vim.diagnostic.severity.ERROR then return true end
    end
    return false
  end)
  result.diagnostics = diagnostics(buf)
  for _, client in pairs(vim.lsp.get_active_clients()) do
    client.stop()
  end
end

local function run()
  if env.PODLAB_SCENARIO == 'readme' then return run_readme_setup() end
  local scenario = scenarios[env.PODLAB_SCENARIO]
  if not scenario then error('unknown scenario ' .. tostring(env.PODLAB_SCENARIO), 0) end
  vim.cmd('edit ' .. vim.fn.fnameescape(env.PODLAB_FILE))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'yaml'
  local client = start(buf)
  scenario(buf, client)
  client.stop()
  vim.wait(2000, function() return client.is_stopped() end, 20)
end

vim.lsp.set_log_level('warn')
vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    vim.schedule(function()
      local ok, problem = xpcall(run, debug.traceback)
      finish(not ok and tostring(problem) or nil)
    end)
  end,
})
