/**
 * Every message the main process says to a user (errors, import failures, warnings, skip reasons), once per
 * language. Services name a message by key with its values; each shell (the window, the CLI) says it in its
 * user's language. A message never mixes the two languages (a unit test holds every entry to that).
 */
export const MESSAGES = {
  // --- places on disk ---
  'access.notChosen': {
    zh: '{path}：这个位置没有在本应用中选择过，请用“浏览”选择它',
    en: '{path}: this place was not chosen in the app; choose it with Browse first',
  },
  'access.systemPlace': {
    zh: '{path}：这是系统文件夹或磁盘根目录，不能在这里建立项目或导出文件',
    en: '{path}: this is a system folder or the root of a disk; projects and exports cannot go there',
  },
  'access.neverRead': {
    zh: '{path}：系统设备文件夹，不能从这里读取',
    en: '{path}: a system device folder; nothing is read from there',
  },
  // --- one writer per project ---
  'project.readOnly': {
    zh: '{dir}：此项目正在另一个窗口或进程中编辑（{app}，进程 {pid}，{since} 起）。这里只能查看，不能修改；请在那边完成或关闭后再试',
    en: '{dir}: this project is being edited in another window or process ({app}, process {pid}, since {since}). It can be viewed here but not changed; finish or close it there and try again',
  },
  'project.openedToRead': {
    zh: '{dir}：此项目只是打开来查看，不能修改',
    en: '{dir}: this project was opened only to read; it cannot be changed here',
  },
  'project.folderReadOnly': {
    zh: '{dir}：这个文件夹不能写入（只读的共享或光盘），项目只能查看，不能修改',
    en: '{dir}: this folder cannot be written (a read-only share or disc); the project can be viewed but not changed',
  },
  'project.lockLost': {
    zh: '{dir}：本窗口失去了对项目的独占写入（程序曾长时间无响应，另一进程已接管）。为免覆盖，之后的修改不再保存，请重新打开项目',
    en: '{dir}: this window lost its hold on the project (it stopped responding for a while and another process took over). To avoid overwriting, further edits are not saved; reopen the project',
  },
  'project.busyCreating': {
    zh: '{dir}：另一个进程正在这里建立或编辑项目（{app}，进程 {pid}）',
    en: '{dir}: another process is creating or editing a project here ({app}, process {pid})',
  },
  // --- files and folders ---
  'fs.notFound': { zh: '{path}：不存在', en: '{path}: does not exist' },
  'fs.permission': { zh: '{path}：没有权限（{doing}）', en: '{path}: permission denied ({doing})' },
  'fs.diskFull': { zh: '{path}：磁盘已满（{doing}）', en: '{path}: the disk is full ({doing})' },
  'fs.isFolder': { zh: '{path}：这是文件夹，不是文件', en: '{path}: is a folder, not a file' },
  'fs.notFolder': { zh: '{path}：不是文件夹', en: '{path}: is not a folder' },
  'fs.badPath': { zh: '{path}：不是可用的路径（{detail}）', en: '{path}: is not a usable path ({detail})' },
  'fs.other': { zh: '{path}：读写失败（{doing}：{detail}）', en: '{path}: {detail} ({doing})' },
  'fs.notRegular': {
    zh: '{path}：不是普通文件（设备、管道或特殊文件），已跳过',
    en: '{path}: not a regular file (a device, a pipe or a special file); skipped',
  },
  'fs.readTimeout': {
    zh: '{path}：读取超时（{seconds} 秒内没有读完），已跳过',
    en: '{path}: reading timed out (not read within {seconds} s); skipped',
  },
  'fs.tooLarge': {
    zh: '{path}：文件过大（{size}，上限 {limit}），未读取',
    en: '{path}: the file is too large ({size}; the limit is {limit}); it was not read',
  },
  'fs.changedWhileReading': {
    zh: '{path}：读取时文件大小发生了变化，请稍后再导入',
    en: '{path}: the file changed size while it was read; import it again later',
  },
  'doing.reading': { zh: '读取', en: 'reading' },
  'doing.writing': { zh: '写入', en: 'writing' },
  'doing.lookup': { zh: '查找', en: 'looking it up' },
  'doing.mkdir': { zh: '新建文件夹', en: 'creating the folder' },
  'doing.list': { zh: '列出文件夹内容', en: 'listing the folder' },
  'doing.copy': { zh: '复制 {from}', en: 'copying {from}' },
  'doing.createProject': { zh: '新建项目文件夹', en: 'creating the project folder' },
  'doing.createCatalog': { zh: '新建项目文件', en: 'creating the catalog' },
  'doing.openProject': { zh: '打开项目', en: 'opening the project' },
  'doing.saveCatalog': { zh: '保存项目', en: 'saving the catalog' },

  // --- the project file ---
  'project.exists': {
    zh: '{dir}：这里已有项目，请直接打开',
    en: '{dir}: already holds a project (project.json); open it instead',
  },
  'project.notProject': {
    zh: '{dir}：不是追光项目文件夹（没有 project.json）',
    en: '{dir}: is not a Chasing Light project: it has no project.json',
  },
  'project.damaged': {
    zh: '{file}：项目文件已损坏（{detail}），未做任何改动，请从备份恢复',
    en: '{file}: is damaged ({detail}); it was left untouched — restore it from a backup',
  },
  'project.tooNew': {
    zh: '{file}：由更新版本的追光写入（格式 {version}，本版本最高读 {max}），请先升级；文件未改动',
    en: '{file}: was written by a newer Chasing Light (schema {version}, this one reads up to {max}); update the app — the file was left untouched',
  },
  'project.invalid': {
    zh: '{file}：不是有效的项目文件（{detail}），未做任何改动',
    en: '{file}: is not a valid catalog ({detail}); it was left untouched',
  },
  // --- a team project's catalog (PostgreSQL) ---
  'team.badUrl': {
    zh: '{url}：不是 PostgreSQL 数据库地址（应形如 postgres://用户@主机:5432/数据库）',
    en: '{url}: is not a PostgreSQL address (postgres://user@host:5432/database)',
  },
  'team.unreachable': {
    zh: '{db}：连不上数据库服务器（{detail}）。请检查地址、网络，以及服务器是否在运行；未做任何改动',
    en: '{db}: the database server cannot be reached ({detail}). Check the address, the network and that the server is running; nothing was changed',
  },
  'team.authFailed': {
    zh: '{db}：数据库拒绝了用户名或密码。密码请用 PGPASSWORD 或 ~/.pgpass 提供（不写进项目）；未做任何改动',
    en: '{db}: the database refused the user name or password. Give the password with PGPASSWORD or ~/.pgpass (it is never kept in the project); nothing was changed',
  },
  'team.noDatabase': {
    zh: '{db}：服务器上没有这个数据库，请先让管理员建立（createdb）',
    en: '{db}: there is no such database on the server; ask its administrator to create it (createdb)',
  },
  'team.notAllowed': {
    zh: '{db}：你的数据库角色没有这项权限（{detail}）',
    en: '{db}: your database role is not allowed to do this ({detail})',
  },
  'team.connectionLost': {
    zh: '{db}：与数据库的连接中断，这次修改没有保存。正在重新连接，连上后请重做',
    en: '{db}: the connection to the database was lost and this edit was not saved. Reconnecting; redo it once connected',
  },
  'team.tooNew': {
    zh: '{db}：数据库由更新版本的追光建立（格式 {version}，本版本最高读 {max}），请先升级；未做任何改动',
    en: '{db}: the database was set up by a newer Chasing Light (schema {version}, this one reads up to {max}); update the app — nothing was changed',
  },
  'team.foreignDatabase': {
    zh: '{db}：这个数据库里已有其他程序的表（{tables}），不是追光的团队目录；请换一个空数据库，未做任何改动',
    en: '{db}: this database holds another program’s tables ({tables}), not a Chasing Light team catalog; use an empty database — nothing was changed',
  },
  'team.projectExists': {
    zh: '{db}：这个数据库已经是项目“{name}”的目录；请打开它，或换一个空数据库',
    en: '{db}: this database already holds the project "{name}"; open it, or use an empty database',
  },
  'team.noProject': {
    zh: '{db}：数据库里还没有项目；请先用“新建团队项目”或命令行的 catalog push 建立',
    en: '{db}: the database holds no project yet; create one first (new team project, or catalog push)',
  },
  'team.changedMeanwhile': {
    zh: '{who} 刚刚修改了这项内容（{id}）。为免覆盖，你的修改没有保存；已是最新内容，请在上面重做',
    en: '{who} has just changed this ({id}). To avoid overwriting it, your edit was not saved; redo it on the latest version',
  },
  'team.removedMeanwhile': {
    zh: '这项内容（{id}）刚刚被别人删除了，你的修改没有保存',
    en: 'Someone has just removed this ({id}); your edit was not saved',
  },
  'project.none': { zh: '还没有打开项目：请先新建或打开一个', en: 'No project is open: create or open one first' },
  'demo.missing': {
    zh: '示例活动缺失或已损坏（{file}）：{detail}',
    en: 'The demo campaign is missing or damaged ({file}): {detail}',
  },

  // --- import ---
  'import.empty': { zh: '{name}：文件为空（0 字节）', en: '{name}: the file is empty (0 bytes)' },
  'import.notPhoto': {
    zh: '{name}：不是可导入的照片格式（内容是{content}）',
    en: '{name}: not a JPEG, PNG, TIFF, WebP, AVIF or HEIF image (the content is {content})',
  },
  'import.notPhotoFormat': {
    zh: '{name}：不是可导入的照片格式',
    en: '{name}: not a photo format we import (JPEG, PNG, TIFF, WebP, AVIF, HEIC/HEIF, RAW with a preview)',
  },
  'import.noPreview': {
    zh: '{name}：这个 RAW 文件里没有可用的内嵌预览图（{detail}），请同时拍摄 JPEG 或先转换为 JPEG/TIFF',
    en: '{name}: this RAW file holds no usable embedded preview ({detail}); shoot RAW+JPEG or convert it to JPEG/TIFF first',
  },
  'raw.noPreview': { zh: '没有内嵌预览图', en: 'no embedded preview' },
  'raw.previewTooSmall': {
    zh: '最大的内嵌预览图只有 {preview}，而图像是 {image}',
    en: 'the largest embedded preview is {preview} for a {image} image',
  },
  'import.tooLarge': {
    zh: '{name}：图像过大（{width}×{height}，上限 {limit} 百万像素）',
    en: '{name}: {width}×{height} pixels is over the limit of {limit} megapixels',
  },
  'import.overPixelLimit': { zh: '{name}：图像超过像素上限', en: '{name}: the image is over the pixel limit' },
  'import.unreadableFormat': { zh: '{name}：无法读取的图像格式', en: '{name}: not an image format we can read' },
  'import.corrupt': {
    zh: '{name}：图像数据损坏或不完整（{detail}）',
    en: '{name}: the image data is damaged or incomplete ({detail})',
  },
  'import.damaged': { zh: '{name}：{reason}；请从存储卡重新复制', en: '{name}: {reason}; copy it from the card again' },
  'import.damagedPreview': {
    zh: '{name}（RAW 文件内嵌的 JPEG 预览图）：{reason}；请从存储卡重新复制',
    en: '{name} (the JPEG preview inside this RAW file): {reason}; copy it from the card again',
  },
  'damage.truncated': {
    zh: '文件不完整：图像还没结束文件就到头了（{detail}）',
    en: 'truncated: the file ends before the picture does ({detail})',
  },
  'damage.broken': {
    zh: '文件已损坏：图像数据中途出错（{detail}）',
    en: 'damaged: the picture data is broken part-way ({detail})',
  },
  'damage.brokenUnsaid': { zh: '文件已损坏：图像数据中途出错', en: 'damaged: the picture data is broken part-way' },
  'damage.endsInside': {
    zh: '文件在第 {size} 字节处结束，{part} 不完整',
    en: 'the file ends at byte {size}, inside the {part}',
  },
  'damage.pastEnd': {
    zh: '{part} 应到第 {end} 字节，文件在第 {size} 字节就结束了',
    en: '{part} runs to byte {end}; the file ends at byte {size}',
  },
  'import.heifEmpty': { zh: '{name}：HEIF 文件中没有图像', en: '{name}: the HEIF file holds no image' },
  'import.unexpected': {
    zh: '{name}：导入时出现意外错误（{detail}）',
    en: '{name}: an unexpected error while importing ({detail})',
  },
  'content.empty': { zh: '空的', en: 'empty' },
  'content.text': { zh: '文本', en: 'text' },
  'content.binary': { zh: '无法识别的二进制数据', en: 'unknown binary data' },

  // --- what an import noticed (kept on the photo) ---
  'warning.damagedExif': {
    zh: 'EXIF 数据损坏，已读取能读的部分（{detail}）',
    en: 'damaged EXIF, read what could be read ({detail})',
  },
  'warning.unreadableXmp': { zh: 'XMP 无法读取（{detail}）', en: 'unreadable XMP ({detail})' },
  'warning.sidecarUnreadable': { zh: '.xmp 附属文件无法读取', en: 'the .xmp sidecar could not be read' },
  'warning.sidecarTooLarge': {
    zh: '.xmp 附属文件过大（{size}，上限 {limit}），未读取',
    en: 'the .xmp sidecar is too large ({size}, the limit is {limit}); it was not read',
  },
  'warning.tooManyKeywords': {
    zh: '关键词过多（{count} 个），只保留前 {limit} 个',
    en: 'too many keywords ({count}); the first {limit} were kept',
  },
  'warning.tooManyPeople': {
    zh: '人物过多（{count} 个），只保留前 {limit} 个',
    en: 'too many people named ({count}); the first {limit} were kept',
  },
  'warning.badDate': { zh: '拍摄时间「{value}」无法识别', en: 'unreadable DateTimeOriginal "{value}"' },
  'warning.rawPreview': {
    zh: '从 RAW 文件的内嵌预览图导入（{width}×{height}），原始 RAW 数据未解码',
    en: "imported from the RAW file's embedded preview ({width}×{height}); the raw data itself was not decoded",
  },
  'warning.legacy': { zh: '读取提示：{text}', en: '{text}' },

  // --- roster ---
  'roster.noCompany': { zh: '没有编号为 {id} 的企业', en: 'No company {id}' },
  'roster.companyTaken': { zh: '已有企业叫「{name}」', en: 'Another company is already called {name}' },
  'roster.companyInUse': {
    zh: '{name} 还有 {workers} 位职工和 {photos} 张照片，请先移走',
    en: '{name} still has {workers} workers and {photos} photos; move them first',
  },
  'roster.companyNeedsName': { zh: '企业需要名称', en: 'A company needs a name' },
  'roster.companyExists': { zh: '企业「{name}」已在名册中', en: 'The company {name} is already in the roster' },
  'roster.noPhotographer': { zh: '没有编号为 {id} 的摄影师', en: 'No photographer {id}' },
  'roster.photographerNeedsName': { zh: '摄影师需要姓名', en: 'A photographer needs a name' },
  'roster.noWorker': { zh: '没有编号为 {id} 的职工', en: 'No worker {id}' },
  'roster.noWorkerNamed': { zh: '名册中没有叫「{name}」的职工', en: 'No worker called {name}' },
  'roster.ambiguousWorker': {
    zh: '有 {count} 位职工叫「{name}」：{list}。请改用编号',
    en: '{count} workers are called {name}: {list} — use the id',
  },
  'roster.workerNeedsName': { zh: '职工需要姓名', en: 'A worker needs a name' },
  'roster.noNameColumn': {
    zh: '前 10 行中没有含「姓名」的表头；请在下方指出哪一列是姓名',
    en: 'No header with a name column (姓名/name) in the first 10 rows; say below which column holds the names',
  },
  'roster.noRoster': { zh: '{file}：没有可读的名册', en: '{file}: no roster found' },
  'roster.skip.noName': { zh: '姓名为空', en: 'no name' },
  'roster.skip.noNameColumn': { zh: '还没有指出哪一列是姓名', en: 'no column has been chosen for the names yet' },
  'roster.skip.unknownCompany': {
    zh: '单位不在名册中：{company}（可勾选“新建名册中没有的企业”）',
    en: 'unknown company {company} (tick "create companies that are missing")',
  },
  'roster.skip.duplicate': { zh: '与第 {row} 行重复', en: 'duplicate of row {row}' },
  'roster.skip.ambiguous': {
    zh: '名册中有 {count} 位同名的{name}（{company}），请补充工号或车间',
    en: '{count} workers called {name} at {company}: add an employee number or workshop',
  },
  'roster.warn.joined': { zh: '入职年份「{value}」无法识别', en: 'year joined "{value}" not understood' },
  'roster.warn.years': { zh: '工龄「{value}」无法识别', en: 'years of service "{value}" not understood' },
  'roster.warn.consent': {
    zh: '「{value}」不是可识别的授权值（可填：同意、不同意、仅礼物）：此人的授权不作改动，新增的人记为“未确认”',
    en: '"{value}" is not a consent value we can read (use yes, no or gift only): this person\'s consent is not changed, and a new person is recorded as not asked',
  },
  'roster.noCompanyName': { zh: '（无单位）', en: '(no company)' },
  'sheet.empty': { zh: '{name}：文件是空的', en: '{name} is empty' },
  'sheet.xls': {
    zh: '{name}：这是旧版 .xls 工作簿，请先在 Excel 或 WPS 中另存为 .xlsx 或 .csv',
    en: '{name} is an old .xls workbook: save it as .xlsx or .csv in Excel or WPS first',
  },
  'sheet.notRoster': { zh: '{name}：名册应为 .xlsx 或 .csv 文件', en: '{name}: a roster is an .xlsx or .csv file' },
  'sheet.badCsv': { zh: '{name}：不是可读的 CSV 文件（{detail}）', en: '{name} is not a readable CSV file ({detail})' },
  'sheet.badXlsx': {
    zh: '{name}：不是可读的 .xlsx 工作簿（{detail}）',
    en: '{name} is not a readable .xlsx workbook ({detail})',
  },
  'sheet.noSheet': { zh: '{name}：没有填写内容的工作表', en: '{name} has no filled sheet' },

  // --- tagging, photos, history ---
  'photo.notFound': { zh: '项目中没有编号为 {id} 的照片', en: 'No photo {id} in this project' },
  'photo.originalMissing': {
    zh: '{name} 的原片不在 {path}：请重新连接存储卡或文件夹',
    en: 'The original of {name} is missing at {path}: reconnect the card or folder',
  },
  'photo.notFoundMany': { zh: '没有这些照片：{ids}', en: 'No such photo: {ids}' },
  'tag.regionOnePhoto': {
    zh: '面部框只属于一张照片：请一次标注一张照片再画框',
    en: 'A face region belongs to one photo: tag one photo at a time to draw it',
  },
  'tag.notTagged': {
    zh: '{name} 还没有标注在这张照片上，请先标注',
    en: '{name} is not tagged on this photo; tag them first',
  },
  'tag.nothingToChange': { zh: '没有要修改的内容', en: 'Nothing to change' },
  'tag.badRegion': {
    zh: '面部框是照片内的 x,y,w,h 比例（0 到 1），收到的是 {values}',
    en: 'A face region is x,y,w,h as fractions of the photo, inside 0..1 (got {values})',
  },
  'tag.companyConflict': {
    zh: '照片已属于「{current}」，而 {worker} 属于「{next}」：请选择保留哪个企业',
    en: 'The photo is already at {current}, but {worker} works at {next}: choose which company to keep',
  },
  'history.nothingToUndo': { zh: '没有可以撤销的操作', en: 'Nothing to undo' },
  'history.nothingToRedo': { zh: '没有可以重做的操作', en: 'Nothing to redo' },
  'dialog.none': {
    zh: '这里没有系统文件选择框：请输入路径或使用文件夹浏览',
    en: 'There is no native file chooser here: type a path or use the folder browser',
  },
  'xmp.unreadableExisting': {
    zh: '{path}：已有的附属文件无法读取（{detail}），未覆盖；请先移走或修复它',
    en: '{path}: the existing sidecar cannot be read ({detail}); it was not replaced — move or repair it first',
  },

  // --- gifts and export ---
  'export.unknownSize': {
    zh: '不认识的尺寸「{size}」：可用 5寸 6寸 7寸 8寸 10寸 12寸 A4 A3 或 宽x高mm',
    en: 'Unknown size "{size}": use 5寸 6寸 7寸 8寸 10寸 12寸 A4 A3 or WxHmm',
  },
  'export.outInProject': {
    zh: '不能导出到 {dir}：它在项目 {project} 里面（原片、缓存和目录都在这里）；请选项目的 exports 文件夹或项目外的文件夹',
    en: "cannot export into {dir}: it is inside the project {project} (its originals, cache and catalog live there); choose the project's exports folder or a folder outside the project",
  },
  'export.outAmongOriginals': {
    zh: '不能导出到 {dir}：照片是从 {originals} 导入的，写在那里的文件下次导入时会被当成照片；请另选文件夹',
    en: 'cannot export into {dir}: photos were imported from {originals}, and files written there would come back as photos at the next import; choose another folder',
  },
  'export.notWritable': {
    zh: '输出文件夹无法写入：{dir}（{detail}）',
    en: 'The output folder {dir} is not writable ({detail})',
  },
  'export.cmykNeedsTiff': {
    zh: 'CMYK 只能导出为 TIFF（{format} 不行）：请选 TIFF，或用 sRGB（冲印相纸要 sRGB）',
    en: 'CMYK is written as TIFF, not {format}: choose TIFF, or sRGB (photo paper wants sRGB)',
  },
  'export.marksInPdf': {
    zh: '裁切线放在 PDF 里；{format} 图片加裁切线会比相纸大，冲印时照片会被缩小。要在图片中加，请另外勾选“图片中加裁切线”',
    en: 'Crop marks go in PDF files; in a {format} they make the file larger than the paper, and a minilab prints the gift small. To have them anyway, choose "marks in the picture" as well',
  },
  'export.rasterMarksBigger': {
    zh: '图片中含裁切线：文件比成品大 {extra} 毫米，冲印店须按原尺寸（100%）输出，不能缩放到相纸',
    en: 'Crop marks in the picture: the file is {extra} mm larger than the finished print; it must be printed at 100%, not fitted to the paper',
  },
  'export.iccNotCmyk': {
    zh: '{path}：不是 CMYK 印刷特性文件（它是 {space}）',
    en: '{path}: not a CMYK press profile (it is {space})',
  },
  'export.iccUnreadable': { zh: '{path}：无法读取的 ICC 特性文件', en: '{path}: not a readable ICC profile' },
  'export.lowResRefused': {
    zh: '{name}：在这个尺寸下只有 {ppi} ppi（低于 {min}），印出来会明显发虚，未导出；换一张照片、缩小尺寸，或选择“低分辨率也导出”',
    en: '{name}: only {ppi} ppi at this size (below {min}); it would print visibly soft and was not exported. Choose another photo or a smaller size, or "export low resolution anyway"',
  },
  'export.skip.noPhoto': { zh: '项目中没有照片 {id}', en: 'no photo {id}' },
  'export.skip.notInPhotos': { zh: '不在任何照片中', en: 'not in any photo' },
  'export.skip.noWorker': { zh: '没有编号为 {id} 的职工', en: 'no worker {id}' },
  'export.skip.doesNotFit': { zh: '{size} 毫米放不进 {sheet}', en: '{size} mm does not fit on {sheet}' },
  'gift.declined': { zh: '职工不同意', en: 'the worker declined' },
  'gift.noPhoto': { zh: '没有可用的照片（都已排除）', en: 'no photo (all rejected)' },
  'gift.noTemplate': { zh: '没有模板 {id}；现有：{known}', en: 'No template {id}; known: {known}' },
  'gift.templateProblems': { zh: '模板有误：{problems}', en: 'The template has problems: {problems}' },
  'gift.unknownPaper': {
    zh: '不认识的纸张尺寸「{size}」：可用 5寸 6寸 7寸 8寸 10寸 12寸 A4 A3 或 宽x高（毫米）',
    en: 'Unknown paper size "{size}": use 5寸 6寸 7寸 8寸 10寸 12寸 A4 A3 or WxH in mm',
  },
  'gift.notTaggedOn': { zh: '{name} 没有标注在照片 {id} 上', en: '{name} is not tagged on photo {id}' },
  'gift.originalMissing': {
    zh: '{name} 的原片不在 {path}：请重新连接存储卡或文件夹',
    en: 'The original of {name} is missing at {path}: reconnect the card or folder',
  },
  'gift.doesNotFit': {
    zh: '模板「{template}」放不进 {size}：{detail}',
    en: 'The template {template} does not fit {size}: {detail}',
  },
  'gift.logoMissing': {
    zh: '模板「{template}」用到的标志图片不见了：{path}',
    en: 'The template {template} uses a logo that is missing: {path}',
  },
  'gift.textureMissing': {
    zh: '模板「{template}」用到的画框纹理不见了：{path}',
    en: 'The template {template} uses a frame texture that is missing: {path}',
  },
  'gift.nothingToPrint': { zh: '{name} 没有可以制作礼物的照片', en: '{name} has no photo to make a gift from' },
  'gift.lowPpi': {
    zh: '{name}：在这个尺寸下只有 {ppi} ppi（低于 {min}），印出来会发虚',
    en: '{name}: {ppi} ppi at this size (below {min}); it will print soft',
  },
  'gift.dateDisagrees': {
    zh: '{name}：相机时间（{captured}）与拍摄日（{day}）相差 {days} 天，礼物上的日期按拍摄日',
    en: '{name}: the camera clock ({captured}) and the shoot day ({day}) are {days} days apart; the gift shows the shoot day',
  },
  'sheet.logoUnreadable': {
    zh: '标志图片 {path} 无法读取（{detail}）',
    en: 'The logo {path} could not be read ({detail})',
  },
  'sheet.textureUnreadable': {
    zh: '画框纹理 {path} 无法读取（{detail}）',
    en: 'The frame texture {path} could not be read ({detail})',
  },
  'sheet.photoDamaged': {
    zh: '{path}：这张照片不能用于打印，{reason}',
    en: '{path}: the photo cannot be printed, {reason}',
  },
  'sheet.photoUnreadable': {
    zh: '{path}：无法读取照片用于打印（{detail}）',
    en: '{path}: the photo could not be read for printing ({detail})',
  },
  'sheet.captionTooLong': {
    zh: '说明文字「{text}」缩小到 {min} 磅仍放不下（再小在相纸上会糊）：请缩短文字或加大卡纸留白',
    en: 'The caption "{text}" does not fit its space even at {min} pt (smaller fills in on photo paper): shorten it or give the mat more room',
  },
  'caption.unknownVariable': {
    zh: '不认识的变量 {{name}}（可用：{known}）',
    en: 'unknown variable {{name}} (known: {known})',
  },
  'caption.noFormat': { zh: '{{name}} 不能带格式', en: '{{name}} takes no format' },
  'caption.lone': { zh: '「{text}」中有单独的「{char}」', en: 'a lone "{char}" in "{text}"' },
  'exhibit.none': {
    zh: '项目中没有展览 {id}（先用“自动排版”建一个）',
    en: 'no exhibition {id} in this project (auto-fill creates one)',
  },
  'exhibit.badBoardSize': {
    zh: '展板尺寸“{size}”看不懂：请写成 900x1200mm 或 90x120cm（每边 20 厘米到 5 米）',
    en: 'board size "{size}" is not understood: write 900x1200mm or 90x120cm (20 cm to 5 m a side)',
  },
  'exhibit.badBoardCount': {
    zh: '展板数量“{count}”不对：应为 1 到 200 的整数',
    en: 'board count "{count}" is not a whole number from 1 to 200',
  },
  'exhibit.boardTooSmall': {
    zh: '{size} 毫米的展板去掉 {margin} 毫米边距和标题区后放不下照片',
    en: 'a {size} mm board has no room for a photo inside its {margin} mm margins and header',
  },
  'exhibit.headerTooLong': {
    zh: '{board} 的标题区放不下标题（6 磅也放不下）：标题区留空',
    en: 'the header of {board} cannot hold its title even at 6 pt: left empty',
  },
  'exhibit.captionTooLong': {
    zh: '{number} 下的说明太长，照片太窄放不下：只印编号',
    en: 'the caption under {number} does not fit under so narrow a photo: only its number is printed',
  },
  'exhibit.lowPpi': {
    zh: '{number}（{name}）在展板上只有 {ppi} ppi，低于 {min} ppi：远看可以，近看会发虚',
    en: '{number} ({name}) is only {ppi} ppi on the board, under {min} ppi: fine from a distance, soft up close',
  },
  'exhibit.tooLowPpi': {
    zh: '{number}（{name}）在展板上只有 {ppi} ppi，低于 {min} ppi：{board} 没有导出（把这张放小，或换一张更大的）',
    en: '{number} ({name}) is only {ppi} ppi on the board, under {min} ppi: {board} was not exported (place it smaller, or use a larger photo)',
  },
  'exhibit.photoMissing': {
    zh: '{number} 的原片找不到（{path}）：{board} 没有导出',
    en: 'the original of {number} is missing ({path}): {board} was not exported',
  },
  'exhibit.photoUnreadable': {
    zh: '{number} 的原片读不出来（{detail}）：{item} 没有导出',
    en: 'the original of {number} cannot be read ({detail}): {item} was not exported',
  },
  'exhibit.notPlanned': {
    zh: '展览还没有排版：先点“自动排版”',
    en: 'the exhibition has no plan yet: run auto-fill (exhibition plan) first',
  },
  'exhibit.badBaseUrl': {
    zh: '二维码地址“{url}”不是网址（应以 {schemes} 开头）',
    en: 'the QR base address "{url}" is not a web address (it starts with {schemes})',
  },
  'exhibit.badDpi': {
    zh: '分辨率 {dpi} dpi 不对：展板为 30–300 dpi，其余为 72–600 dpi',
    en: 'resolution {dpi} dpi is out of range: 30–300 dpi for boards, 72–600 dpi otherwise',
  },
  'exhibit.badFormat': { zh: '{what} 不能导出为 {format}', en: '{what} cannot be exported as {format}' },
  'exhibit.boardOrderSheet': { zh: '展板 {count} 块 · {material}', en: '{count} board(s) · {material}' },
  'exhibit.labelTooLong': {
    zh: '{number} 的展签放不下“{text}”（6 磅也放不下）：这张展签没有印，请缩短文字或换大一号的展签',
    en: 'the label of {number} cannot hold "{text}" even at 6 pt: it was not printed (shorten the text or use a larger label)',
  },
  'exhibit.noGalleryUrl': {
    zh: '没有填网页相册地址：展签上不印二维码',
    en: 'no web gallery address given: the labels carry no QR code',
  },
  'exhibit.unknownLabel': { zh: '没有展签模板 {id}', en: 'no label template {id}' },
  'exhibit.badLabelSize': {
    zh: '展签尺寸“{size}”看不懂，或大于 {sheet} 纸',
    en: 'label size "{size}" is not understood, or larger than {sheet}',
  },
  'exhibit.notOnWall': { zh: '照片 {id} 不在展板上', en: 'photo {id} is not on the boards' },
  'exhibit.noBoard': { zh: '没有展板 {id}', en: 'no board {id}' },
  'exhibit.notRemoved': { zh: '照片 {id} 没有被撤下', en: 'photo {id} was not taken off the wall' },
  'exhibit.removedByHand': { zh: '已从展板上撤下（可放回）', en: 'taken off the wall by hand (can be put back)' },
  'exhibit.coverNotOnWall': {
    zh: '封面照片 {id} 不在展板上：请选一张上墙的照片',
    en: 'cover photo {id} is not on the wall: choose one that hangs',
  },
  'exhibit.logoUnreadable': {
    zh: '标志图片读不出来：{path}（{detail}）',
    en: 'the emblem cannot be read: {path} ({detail})',
  },
  'exhibit.cancelled': { zh: '导出已取消', en: 'export cancelled' },
  // --- faces ---
  'faces.modelBroken': {
    zh: '人脸模型无法载入：{file}（{reason}）。请重新安装本软件',
    en: 'the face model cannot be loaded: {file} ({reason}). Install the app again',
  },
  'faces.photoMissing': {
    zh: '{name} 的图像不在 {path}，无法检测人脸',
    en: 'the image of {name} is missing at {path}; its faces cannot be found',
  },
  'faces.damaged': {
    zh: '{name}：{path} 处的图像没有检测人脸，{reason}',
    en: '{name}: the image at {path} was not searched for faces, {reason}',
  },
  'faces.undecodable': { zh: '{name} 无法读取为图像：{reason}', en: '{name} cannot be read as an image: {reason}' },
  'faces.notFound': { zh: '没有这张人脸：{id}', en: 'there is no face {id}' },
  'faces.takenInPhoto': {
    zh: '{name} 已经是 {photo} 中的另一张人脸，同一张照片里一个人只能出现一次',
    en: '{name} is already another face in {photo}: one person appears once in a photo',
  },
  'faces.noSuggestion': { zh: '这张人脸没有建议的人选可拒绝：{id}', en: 'face {id} has no suggestion to reject' },
  'gallery.notOnWall': { zh: '{name}：不在展板上', en: '{name}: not on the boards' },
  'gallery.rejected': { zh: '{name}：已标为不用', en: '{name}: marked rejected' },
  'gallery.worker.declined': { zh: '{name}：不同意展出', en: '{name}: did not agree to be shown' },
  'gallery.worker.giftOnly': {
    zh: '{name}：仅同意赠送礼物，不展出',
    en: '{name}: agreed to the gift only, not to be shown',
  },
  'gallery.worker.unasked': {
    zh: '{name}：尚未确认是否同意展出',
    en: '{name}: not asked yet whether they agree to be shown',
  },
  'gallery.worker.noPhoto': {
    zh: '{name}：同意展出，但没有可发布的照片（照片中有人未同意、不在展板上或原片找不到）',
    en: '{name}: agreed, but has no photo that may be published (someone else in it did not agree, it is not on the boards, or its original is missing)',
  },
  'gallery.photoUnreadable': {
    zh: '{name}：原片读不出来，未放进网页相册（{detail}）',
    en: '{name}: its original cannot be read, so it is not in the web gallery ({detail})',
  },
  'gallery.photoMissing': { zh: '原片找不到：{name}（{path}）', en: 'the original is missing: {name} ({path})' },
  'cli.galleryCheck': {
    zh: '将发布 {photos} 张照片、{workers} 位职工的名字（不含手机号、工号、GPS）；{excluded} 张照片、{withheld} 位职工不发布：',
    en: 'Would publish {photos} photos and the names of {workers} workers (no phones, employee numbers or GPS); {excluded} photos and {withheld} workers left out:',
  },
  'cli.galleryWritten': {
    zh: '网页相册：{photos} 张照片、{workers} 位职工，{excluded} 张未收录；首页 {index}',
    en: 'Web gallery: {photos} photos, {workers} workers, {excluded} left out; index {index}',
  },
  'find.empty': { zh: '请输入名字、拼音或首字母（如 zmd）', en: 'type a name, its pinyin or its initials (zmd)' },
  'find.notShown': {
    zh: '照片 {id} 现在不展示（照片中有人未同意展出，或不在展板上）',
    en: 'photo {id} is not shown now (someone in it has not agreed to be shown, or it is not on the boards)',
  },
  'find.tooLong': {
    zh: '输入太长了：名字最多 {max} 个字',
    en: 'that is too long for a name: at most {max} characters',
  },
  'exhibit.declined': { zh: '{name} 不同意展出', en: '{name} declined to be exhibited' },
  'exhibit.giftOnly': { zh: '{name} 只同意制作礼物，不上展板', en: '{name} agreed to a gift only, not to the wall' },
  'exhibit.unasked': { zh: '还没问过 {names} 是否同意展出', en: '{names} not yet asked about the exhibition' },
  'caption.tooSmall': {
    zh: '字号 {size} 磅太小：相纸上至少 {min} 磅，否则笔画会糊在一起',
    en: '{size} pt is too small: at least {min} pt on photo paper, or the strokes fill in',
  },
  'caption.line': { zh: '第 {n} 行说明：{problem}', en: 'caption {n}: {problem}' },

  // --- the command line ---
  'cli.created': { zh: '已在 {dir} 新建项目「{name}」', en: 'Created project "{name}" in {dir}' },
  'cli.imported': {
    zh: '导入 {imported} 张，{duplicates} 张已在项目中，{failed} 个失败，{notPhotos} 个非照片文件已跳过',
    en: 'Imported {imported}, {duplicates} already in the project, {failed} failed, {notPhotos} files that are not photos skipped',
  },
  'cli.rosterPlanned': {
    zh: '将新增 {created}，更新 {updated}，跳过 {skipped}（工作表「{sheet}」，表头在第 {row} 行）',
    en: 'Would create {created}, update {updated}, skip {skipped} (sheet "{sheet}", header row {row})',
  },
  'cli.foundNobody': {
    zh: '没有找到“{query}”（只找同意展出的职工）',
    en: 'nobody found for "{query}" (only workers who agreed to be exhibited)',
  },
  'cli.exhibitionExported': { zh: '已写出 {files} 个文件到 {dir}', en: 'Wrote {files} file(s) to {dir}' },
  'cli.exhibitionPlanned': {
    zh: '已排版：{photos} 张照片上 {boards} 块展板，{excluded} 张未上墙（原因见下）',
    en: 'Planned: {photos} photos on {boards} boards, {excluded} left off the wall (reasons below)',
  },
  'cli.rosterDone': {
    zh: '已新增 {created}，更新 {updated}，跳过 {skipped}（工作表「{sheet}」，表头在第 {row} 行）',
    en: 'Created {created}, updated {updated}, skipped {skipped} (sheet "{sheet}", header row {row})',
  },
  'cli.rosterRow': { zh: '第 {row} 行：{reason}', en: 'row {row}: {reason}' },
  'cli.tagged': { zh: '已在照片 {photo} 上标注 {worker}', en: 'Tagged {worker} on {photo}' },
  'cli.untagged': { zh: '已从照片 {photo} 移除 {worker}', en: 'Removed {worker} from {photo}' },
  'cli.xmpWritten': { zh: '已写入 {count} 个 XMP 附属文件{where}', en: 'Wrote {count} XMP sidecars{where}' },
  'cli.to': { zh: '到 {dir}', en: ' to {dir}' },
  'cli.exported': {
    zh: '写出 {written} 个文件，{reused} 个已是最新未重写{where}；印制清单 {sheet}',
    en: 'Wrote {written} files, left {reused} that were already current{where}; order sheet {sheet}',
  },
  'cli.pages': {
    zh: '拼版用纸 {pages} 张（至少需要 {minimum} 张）',
    en: '{pages} sheets of paper for the n-up pages (the least possible: {minimum})',
  },
  'cli.skipped': { zh: '已跳过 {who}：{reason}', en: 'skipped {who}: {reason}' },
  'cli.warning': { zh: '提示：{text}', en: 'warning: {text}' },
  'job.unknown': { zh: '没有编号为 {id} 的任务', en: 'there is no job {id}' },
  'job.unknownKind': { zh: '没有这种任务：{kind}', en: 'there is no kind of job called {kind}' },
  'job.unexpected': {
    zh: '任务（{kind}）意外中断，详情已写入日志',
    en: 'the {kind} job stopped unexpectedly; the details are in the log',
  },
  'cli.badUsage': { zh: '用法有误：{detail}', en: 'bad usage: {detail}' },
  'cli.jobProgress': {
    zh: '{what}：{done}/{total}（{rate}/秒{eta}）{file}',
    en: '{what}: {done}/{total} ({rate}/s{eta})  {file}',
  },
  'cli.eta': { zh: '，约剩 {seconds} 秒', en: ', about {seconds} s left' },
  // --- the kinds of job, as the job tray and the command line name them ---
  'job.kind.import': { zh: '导入', en: 'import' },
  'job.kind.export': { zh: '礼物导出', en: 'gift export' },
  'job.kind.exhibition-export': { zh: '展览输出', en: 'exhibition export' },
  'job.kind.gallery-export': { zh: '网页相册', en: 'web gallery' },
  'job.kind.faces': { zh: '人脸检测', en: 'faces' },
  'cli.facesDetected': {
    zh: '检测了 {photos} 张照片，找到 {faces} 张人脸，用时 {seconds} 秒',
    en: 'scanned {photos} photo(s), found {faces} face(s) in {seconds} s',
  },
  'cli.builtIn': { zh: '内置', en: 'built in' },

  // --- the boundary ---
  'api.unexpected': {
    zh: '{method} 出现意外错误，详情已记入日志',
    en: '{method} failed unexpectedly; the details are in the log',
  },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof MESSAGES;
export type Lang = 'zh' | 'en';
/** A value in a message: text or a number as it is, or another message said in the same language. */
export type MessageParam = string | number | Message;
export type MessageParams = Record<string, MessageParam>;

/** A message named by key, with the values it is filled with: data that crosses every boundary as JSON. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

export function msg(key: MessageKey, params?: MessageParams): Message {
  return params ? { key, params } : { key };
}

export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(MESSAGES, key);
}

function isMessage(v: unknown): v is Message {
  return typeof v === 'object' && v !== null && isMessageKey((v as Message).key);
}

/** Fills `{name}` placeholders; a missing value is left visible as `{name}` rather than silently dropped. */
export function fill(template: string, params: MessageParams | undefined, lang: Lang = 'en'): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params?.[name];
    if (v === undefined) return whole;
    return isMessage(v) ? formatMessage(v, lang) : String(v);
  });
}

export function formatMessage(m: Message, lang: Lang): string {
  return fill(MESSAGES[m.key][lang], m.params, lang);
}

/** A skip reason as lists carry it: the English words for scripts and logs, the key for each shell to say it. */
export function reasonOf(m: Message): { reason: string; key: MessageKey; params?: MessageParams } {
  return m.params
    ? { reason: formatMessage(m, 'en'), key: m.key, params: m.params }
    : { reason: formatMessage(m, 'en'), key: m.key };
}
