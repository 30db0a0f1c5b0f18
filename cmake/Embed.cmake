# quoted_embed(OUT PREFIX FILES...): write OUT, a C file holding each file's
# bytes (NUL-terminated) and name, as `const struct embedded_file PREFIX_files[]`.
set(QUOTED_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/embed_files.cmake)
function(quoted_embed out prefix)
  # A ;-list would be split into separate arguments: pass it |-separated.
  string(REPLACE ";" "|" files "${ARGN}")
  add_custom_command(OUTPUT ${out}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DPREFIX=${prefix} "-DFILES=${files}" -P ${QUOTED_EMBED_SCRIPT}
    DEPENDS ${ARGN} ${QUOTED_EMBED_SCRIPT}
    COMMENT "Embedding ${prefix} files" VERBATIM)
endfunction()
