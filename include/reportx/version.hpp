#pragma once
// The one place the version is written; CMake and pyproject read it from here.
#define REPORTX_VERSION_MAJOR 0
#define REPORTX_VERSION_MINOR 1
#define REPORTX_VERSION_PATCH 0
#define REPORTX_SCHEMA "reportx/1"
