# mc_embed(OUT_C SYMBOL FILES...): generate a C file that defines
#   const struct mc_embedded SYMBOL[] = { {"name", data, len}, ..., {0} };
# holding each file's bytes, so the binary carries its migrations, API
# description and default data without reading the source tree at run time.
function(mc_embed out_c symbol)
  set(files ${ARGN})
  add_custom_command(
    OUTPUT ${out_c}
    COMMAND ${CMAKE_COMMAND} -DOUT=${out_c} -DSYMBOL=${symbol} "-DFILES=${files}"
            -P ${CMAKE_SOURCE_DIR}/cmake/EmbedRun.cmake
    DEPENDS ${files} ${CMAKE_SOURCE_DIR}/cmake/EmbedRun.cmake
    COMMENT "Embedding ${symbol}"
    VERBATIM)
endfunction()
