#pragma once
// Umbrella header: model, parse, lexicon, tables, JSON. No Spirit in here.

#include "reportx/error.hpp"
#include "reportx/json.hpp"
#include "reportx/lexicon.hpp"
#include "reportx/model.hpp"
#include "reportx/parse.hpp"
#include "reportx/table.hpp"
#include "reportx/utf8.hpp"
#include "reportx/version.hpp"
