;;; lsp_emacs.el --- driven by tests/test_lsp_emacs.py: eglot talks to `screenplay lsp'
;; Opens SP_FILE in a stand-in `fountain-mode', connects eglot to the server, waits for
;; Flymake's diagnostics and writes one "LINE<TAB>TYPE<TAB>MESSAGE" line per diagnostic to SP_OUT.
(require 'package)
(package-initialize)
(require 'eglot)
(require 'flymake)
(define-derived-mode fountain-mode text-mode "Fountain")
(let* ((file (getenv "SP_FILE"))
       (out (getenv "SP_OUT"))
       (contact (list (getenv "SP_PYTHON") "-m" "toolchain" "lsp"))
       (project-find-functions
        (list (lambda (_dir) (cons 'transient (file-name-directory file))))))
  (find-file file)
  (fountain-mode)
  (eglot '(fountain-mode) (project-current) 'eglot-lsp-server contact "fountain")
  (flymake-start)
  (let ((tries 0))
    (while (and (< tries 300) (null (flymake-diagnostics)))
      (accept-process-output nil 0.1)
      (flymake-start)
      (setq tries (1+ tries))))
  (let ((lines (mapcar (lambda (d)
                         (format "%d\t%s\t%s\n"
                                 (line-number-at-pos (flymake-diagnostic-beg d))
                                 (flymake-diagnostic-type d)
                                 (replace-regexp-in-string
                                  "\n" " " (flymake-diagnostic-text d))))
                       (flymake-diagnostics))))
    (with-temp-file out
      (apply #'insert lines))))
(kill-emacs 0)
