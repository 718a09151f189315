-- Driven by tests/test_lsp_neovim.py: Neovim's own LSP client (0.7 and later) starts
-- `screenplay lsp` on a Fountain file, waits for diagnostics, edits the buffer, waits
-- for the new diagnostics, asks for the outline, and writes what it saw as JSON.
local out = os.getenv("SP_OUT")
local cmd = { os.getenv("SP_PYTHON"), "-m", "toolchain", "lsp" }
vim.cmd("edit " .. vim.fn.fnameescape(os.getenv("SP_FILE")))
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({ name = "screenplay", cmd = cmd, root_dir = vim.fn.getcwd() })
vim.lsp.buf_attach_client(buf, id)

local function seen()
  local r = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local lsp = d.user_data and d.user_data.lsp or {}
    table.insert(r, { lnum = d.lnum, col = d.col, message = d.message, severity = d.severity,
                      source = d.source, code = d.code or lsp.code })
  end
  return r
end

local result = { opened = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 50) }
result.first = seen()
local before = #result.first
-- Type a heading without a time at the end: one keystroke's worth of incremental change.
local last = vim.api.nvim_buf_line_count(buf)
vim.api.nvim_buf_set_lines(buf, last, last, false, { "", "EXT. NOWHERE" })
result.edited = vim.wait(30000, function() return #vim.diagnostic.get(buf) > before end, 50)
result.second = seen()
local resp = vim.lsp.buf_request_sync(buf, "textDocument/documentSymbol",
  { textDocument = vim.lsp.util.make_text_document_params(buf) }, 20000) or {}
result.symbols = {}
for _, r in pairs(resp) do
  for _, s in ipairs(r.result or {}) do table.insert(result.symbols, s.name) end
end
local f = io.open(out, "w")
f:write(vim.fn.json_encode(result))
f:close()
vim.lsp.stop_client(id)
vim.cmd("qa!")
