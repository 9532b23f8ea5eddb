# Finds the Boost headers reportx's grammar units need (Spirit X3 is header-only).
# Order: REPORTX_BOOST_INCLUDE_DIR given by the user; the `boost-headers` Python
# package (a build requirement in pyproject.toml, so `pip install .` needs no apt);
# the system's Boost (Debian's libboost-dev).
if(NOT REPORTX_BOOST_INCLUDE_DIR)
  find_package(Python COMPONENTS Interpreter QUIET)
  if(Python_EXECUTABLE)
    execute_process(COMMAND ${Python_EXECUTABLE} -c "import boost_headers; print(boost_headers.get_include())"
                    OUTPUT_VARIABLE _rx_bh OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE _rx_bh_rc ERROR_QUIET)
    if(_rx_bh_rc EQUAL 0 AND EXISTS "${_rx_bh}/boost/spirit/home/x3.hpp")
      set(REPORTX_BOOST_INCLUDE_DIR "${_rx_bh}")
    endif()
  endif()
endif()
if(NOT REPORTX_BOOST_INCLUDE_DIR)
  find_path(REPORTX_BOOST_INCLUDE_DIR boost/spirit/home/x3.hpp)
endif()
if(NOT REPORTX_BOOST_INCLUDE_DIR OR NOT EXISTS "${REPORTX_BOOST_INCLUDE_DIR}/boost/spirit/home/x3.hpp")
  message(FATAL_ERROR "reportx needs the Boost headers (Spirit X3): `pip install boost-headers` or "
                      "`apt-get install libboost-dev`, or set REPORTX_BOOST_INCLUDE_DIR.")
endif()
set(REPORTX_BOOST_INCLUDE_DIR "${REPORTX_BOOST_INCLUDE_DIR}" CACHE PATH "Boost headers for Spirit X3")
message(STATUS "reportx: Boost headers in ${REPORTX_BOOST_INCLUDE_DIR}")
