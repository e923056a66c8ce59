<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdjustDialog</name>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="324"/>
        <source>Adjust stock</source>
        <translation>调整库存</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="352"/>
        <source>On hand {on_hand} · reserved {reserved} · available {available}</source>
        <translation>在库 {on_hand} · 预留 {reserved} · 可用 {available}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="373"/>
        <source>Units &amp;taken away</source>
        <translation>减少数量(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="376"/>
        <source>Units &amp;found</source>
        <translation>找到数量(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="379"/>
        <source>&amp;Change (− takes away)</source>
        <translation>变动数量(&amp;C)（负数为减少）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="390"/>
        <source>On hand after: {after}</source>
        <translation>调整后在库：{after}</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../orderapp/gui/audit_viewer.py" line="87"/>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/audit_viewer.py" line="90"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/audit_viewer.py" line="100"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/audit_viewer.py" line="104"/>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/audit_viewer.py" line="109"/>
        <source>Every action</source>
        <translation>所有操作</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/audit_viewer.py" line="114"/>
        <source>Search object, before, after</source>
        <translation>搜索对象、修改前、修改后</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/audit_viewer.py" line="116"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/audit_viewer.py" line="176"/>
        <source>{n} entries</source>
        <translation>{n} 条</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/audit_viewer.py" line="180"/>
        <source>The audit log could not be read: {reason}</source>
        <translation>无法读取审计日志：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/audit_viewer.py" line="183"/>
        <source>Export the audit log</source>
        <translation>导出审计日志</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/audit_viewer.py" line="197"/>
        <source>{n} entries written to {path}</source>
        <translation>已将 {n} 条写入 {path}</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <location filename="../../orderapp/gui/audit_viewer.py" line="39"/>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/audit_viewer.py" line="40"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/audit_viewer.py" line="41"/>
        <source>Station</source>
        <translation>工作站</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/audit_viewer.py" line="42"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/audit_viewer.py" line="43"/>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/audit_viewer.py" line="44"/>
        <source>Before</source>
        <translation>修改前</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/audit_viewer.py" line="45"/>
        <source>After</source>
        <translation>修改后</translation>
    </message>
</context>
<context>
    <name>BackupChooser</name>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="89"/>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="92"/>
        <source>Choose the backup to put in place of {name}. The file there now is not deleted: it is kept beside it, renamed to {name}.replaced-&lt;date&gt;.</source>
        <translation>选择要替换 {name} 的备份。现有文件不会删除：它会保留在旁边，改名为 {name}.replaced-&lt;日期&gt;。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="108"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="110"/>
        <source>Choose a &amp;file…</source>
        <translation>选择文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="130"/>
        <source>Choose the backup to restore</source>
        <translation>选择要恢复的备份</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="132"/>
        <source>OrderApp backups (*.sqlite *.db *.dump);;All files (*)</source>
        <translation>OrderApp 备份 (*.sqlite *.db *.dump);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>BackupSettingsGroup</name>
    <message>
        <location filename="../../orderapp/gui/settings_backup.py" line="38"/>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_backup.py" line="48"/>
        <source>A checked backup is made at the first start of each day and before every upgrade; the oldest automatic ones are deleted. Backups made with “Back up now” are kept until you delete them.</source>
        <translation>每天第一次启动时和每次升级前都会做一份经过检查的备份；最旧的自动备份会被删除。用“立即备份”做的备份会一直保留，直到您自己删除。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_backup.py" line="56"/>
        <source>Choose folder…</source>
        <translation>选择文件夹…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_backup.py" line="58"/>
        <source>Use the default</source>
        <translation>使用默认位置</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_backup.py" line="63"/>
        <source> backups</source>
        <translation> 份备份</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_backup.py" line="64"/>
        <source>Back up no&amp;w</source>
        <translation>立即备份(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_backup.py" line="66"/>
        <source>Restore a backup…</source>
        <translation>恢复备份…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_backup.py" line="76"/>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_backup.py" line="84"/>
        <source>&amp;Keep the last:</source>
        <translation>保留最近(&amp;K)：</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_backup.py" line="129"/>
        <source>The backup settings could not be saved: {reason}</source>
        <translation>备份设置无法保存：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_backup.py" line="133"/>
        <source>Saved. Backups go to {folder}.</source>
        <translation>已保存。备份将存放在 {folder}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_backup.py" line="141"/>
        <source>Choose the folder for backups</source>
        <translation>选择存放备份的文件夹</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_backup.py" line="147"/>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_backup.py" line="154"/>
        <source>Backed up and checked: {file}</source>
        <translation>已备份并检查：{file}</translation>
    </message>
</context>
<context>
    <name>BarcodeConflicts</name>
    <message>
        <location filename="../../orderapp/gui/barcode_conflicts_notice.py" line="41"/>
        <source>Barcodes on two products</source>
        <translation>条码同时属于两个商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/barcode_conflicts_notice.py" line="43"/>
        <source>The same GTIN is written two ways on two products. OrderApp will not guess which product it is: change the products in Inventory so that each code is on one product only.</source>
        <translation>同一个 GTIN 以两种写法出现在两个商品上。OrderApp 不会猜测它属于哪个商品：请在库存中修改这些商品，使每个条码只属于一个商品。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/barcode_conflicts_notice.py" line="52"/>
        <source>Barcodes on two products: {count}. See Inventory.</source>
        <translation>同时属于两个商品的条码：{count} 个。请查看库存。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/barcode_conflicts_notice.py" line="34"/>
        <source>… and {count} more. Run “orderapp barcode-conflicts” to list them all.</source>
        <translation>……还有 {count} 个。运行“orderapp barcode-conflicts”可列出全部。</translation>
    </message>
</context>
<context>
    <name>BarcodeRow</name>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="66"/>
        <source>Scan or type the barcode</source>
        <translation>扫描或输入条码</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="68"/>
        <source>Unit</source>
        <translation>单件</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="69"/>
        <source>Case</source>
        <translation>整箱</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="70"/>
        <source>In-store</source>
        <translation>店内码</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="71"/>
        <source>Unit: one item. Case: an outer case of several. In-store: a code you made.</source>
        <translation>单件：一件商品。整箱：装有多件的外箱。店内码：你自己编的码。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="72"/>
        <source>units per case</source>
        <translation>件/箱</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="75"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
</context>
<context>
    <name>BulkConfirmDialog</name>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="404"/>
        <source>Confirm {n} orders? Each order whose stock allows it is confirmed and its stock reserved; the others stay as they are and are listed here with the reason.</source>
        <translation>确认 {n} 个订单？库存足够的订单会被确认并预留库存；其余订单保持不变，并在此列出原因。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="409"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="409"/>
        <source>Why it was not confirmed</source>
        <translation>未确认的原因</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="418"/>
        <source>&amp;Confirm {n} orders</source>
        <translation>确认 {n} 个订单(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="458"/>
        <source>Confirmed {n} orders.</source>
        <translation>已确认 {n} 个订单。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="460"/>
        <source>{n} could not be confirmed:</source>
        <translation>{n} 个订单无法确认：</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="462"/>
        <source>Stopped before the end; the rest were not tried.</source>
        <translation>中途停止；其余订单未处理。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="481"/>
        <source>Confirming stopped with an error: {reason}</source>
        <translation>确认时出错而停止：{reason}</translation>
    </message>
</context>
<context>
    <name>CameraPage</name>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="237"/>
        <source>Camera test</source>
        <translation>摄像头测试</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="239"/>
        <source>The packing station reads barcodes with a webcam. Show it any barcode, or go on without.</source>
        <translation>打包台用摄像头读取条码。给它看任意一个条码，也可以跳过这一步。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="245"/>
        <source>Test the camera</source>
        <translation>测试摄像头</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="250"/>
        <source>Not started.</source>
        <translation>尚未开始。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="269"/>
        <source>Looking for cameras…</source>
        <translation>正在查找摄像头…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="279"/>
        <source>No camera found: plug one in, or use a USB scanner</source>
        <translation>未找到摄像头：请接上一个，或使用 USB 扫码枪</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="285"/>
        <source>No camera to test. Plug one in and press Test again, or go on without.</source>
        <translation>没有可测试的摄像头。接上后再按&quot;测试&quot;，也可以直接继续。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="289"/>
        <source>Starting the camera… show it a barcode.</source>
        <translation>正在启动摄像头…请给它看一个条码。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="303"/>
        <source>The camera works. Show it a barcode to check it reads.</source>
        <translation>摄像头工作正常。给它看一个条码，检查能否读出。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="308"/>
        <source>Read {code}: the camera is ready for packing.</source>
        <translation>已读出 {code}：摄像头可以用于打包了。</translation>
    </message>
</context>
<context>
    <name>CameraPanel</name>
    <message>
        <location filename="../../orderapp/gui/camera_panel.py" line="64"/>
        <source>The camera that reads the barcodes</source>
        <translation>用来读取条码的摄像头</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/camera_panel.py" line="71"/>
        <source>Picture size: larger reads small barcodes from further away, smaller is faster</source>
        <translation>画面尺寸：大一些能从更远处读出小条码，小一些速度更快</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/camera_panel.py" line="73"/>
        <location filename="../../orderapp/gui/camera_panel.py" line="224"/>
        <source>Start ca&amp;mera</source>
        <translation>启动摄像头(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/camera_panel.py" line="76"/>
        <location filename="../../orderapp/gui/camera_panel.py" line="217"/>
        <source>Camera off</source>
        <translation>摄像头已关闭</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/camera_panel.py" line="119"/>
        <location filename="../../orderapp/gui/camera_panel.py" line="196"/>
        <source>Looking for cameras…</source>
        <translation>正在查找摄像头…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/camera_panel.py" line="169"/>
        <source>No camera found</source>
        <translation>未找到摄像头</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/camera_panel.py" line="173"/>
        <source>No camera was found. Plug in a webcam and press Start camera; a USB scanner or typed codes work meanwhile.</source>
        <translation>未找到摄像头。请插上摄像头后按“启动摄像头”；在此之前可以用 USB 扫码枪或手动输入代码。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/camera_panel.py" line="204"/>
        <location filename="../../orderapp/gui/camera_panel.py" line="263"/>
        <source>Starting the camera…</source>
        <translation>正在启动摄像头…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/camera_panel.py" line="224"/>
        <source>Stop ca&amp;mera</source>
        <translation>停止摄像头(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/camera_panel.py" line="286"/>
        <source>Hold steady…</source>
        <translation>请保持稳定…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/camera_panel.py" line="294"/>
        <source>Read {code}</source>
        <translation>读到 {code}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/camera_panel.py" line="301"/>
        <source>No picture</source>
        <translation>无画面</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/camera_panel.py" line="306"/>
        <source>A USB scanner or typed codes work meanwhile.</source>
        <translation>在此期间可以用 USB 扫码枪或手动输入代码。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/camera_panel.py" line="312"/>
        <source>The camera is back; scanning goes on.</source>
        <translation>摄像头已恢复；继续扫描。</translation>
    </message>
</context>
<context>
    <name>CountEntering</name>
    <message>
        <location filename="../../orderapp/gui/count_entering.py" line="58"/>
        <source>Scan a barcode, or type a barcode or SKU and press Enter.</source>
        <translation>扫描条码，或输入条码或货号后按回车。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_entering.py" line="73"/>
        <source>Scan the product or choose it in the list first, then type how many you counted.</source>
        <translation>请先扫描商品或在列表中选择商品，再输入盘点数量。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_entering.py" line="92"/>
        <source>Choose an open count first, or start one.</source>
        <translation>请先选择一个进行中的盘点，或开始新的盘点。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_entering.py" line="138"/>
        <source>+{qty}</source>
        <translation>+{qty}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_entering.py" line="142"/>
        <source>empty shelf</source>
        <translation>空货架</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_entering.py" line="145"/>
        <source>{counted} counted ({added})</source>
        <translation>已盘 {counted}（{added}）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_entering.py" line="160"/>
        <source>Put aside: {label} was not counted.</source>
        <translation>已放到一边：{label} 未计入盘点。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_entering.py" line="170"/>
        <source>The entry was not recorded ({kind}: {detail}).</source>
        <translation>本条未记录（{kind}：{detail}）。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_entering.py" line="174"/>
        <source>Not in this count</source>
        <translation>不在本次盘点中</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_entering.py" line="176"/>
        <source>Add it to this count</source>
        <translation>加入本次盘点</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_entering.py" line="178"/>
        <source>Put it aside</source>
        <translation>放到一边</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_entering.py" line="209"/>
        <source>{counted} counted (undone: {qty})</source>
        <translation>已盘 {counted}（已撤销：{qty}）</translation>
    </message>
</context>
<context>
    <name>CountLinesModel</name>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="68"/>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="68"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="68"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="68"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="68"/>
        <source>Counted</source>
        <translation>已盘</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="70"/>
        <source>Expected now</source>
        <translation>当前应有</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="86"/>
        <source>{n} (recount)</source>
        <translation>{n}（复盘）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="96"/>
        <source>Being counted again (round {round})</source>
        <translation>正在复盘（第 {round} 轮）</translation>
    </message>
</context>
<context>
    <name>CountReviewing</name>
    <message>
        <location filename="../../orderapp/gui/count_review.py" line="58"/>
        <source>Reviewing a blind count needs the owner&apos;s approval.</source>
        <translation>复核盲盘需要店主批准。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_review.py" line="63"/>
        <source>Reading the count…</source>
        <translation>正在读取盘点…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_review.py" line="84"/>
        <source>Lines counted: {counted}; not counted: {uncounted}; with a difference: {off}, worth {value} in all.</source>
        <translation>已盘行：{counted}；未盘行：{uncounted}；有差异：{off}，共计金额 {value}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_review.py" line="92"/>
        <source>Flagged for a recount (marked in red): {n}.</source>
        <translation>标记为复盘（红色显示）：{n}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_review.py" line="141"/>
        <source>Choose the lines to count again in the list first.</source>
        <translation>请先在列表中选择要复盘的行。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/count_review.py" line="164"/>
        <source>%n line(s) to be counted again: they show as not counted on the Count tab until they are.</source>
        <translation>
            <numerusform>%n 行需要复盘：复盘完成前，它们在“盘点”页显示为未盘。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/count_review.py" line="185"/>
        <source>The %n line(s) not counted are set to 0.</source>
        <translation>
            <numerusform>%n 个未盘行已设为 0。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/count_review.py" line="187"/>
        <source>The %n line(s) not counted stay as they are.</source>
        <translation>
            <numerusform>%n 个未盘行保持不变。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_review.py" line="190"/>
        <source>Post count {id}? Each counted line&apos;s difference becomes a count movement in the stock ledger, all at once. {uncounted}</source>
        <translation>提交盘点 {id}？每个已盘行的差异会一次性作为盘点变动记入库存流水。{uncounted}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_review.py" line="193"/>
        <source>Post the count</source>
        <translation>提交盘点</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_review.py" line="193"/>
        <source>Post</source>
        <translation>提交</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_review.py" line="206"/>
        <source>Posted: {lines} lines adjusted, {added} units added and {removed} taken off, worth {value}.</source>
        <translation>已提交：调整 {lines} 行，增加 {added} 件，减少 {removed} 件，金额 {value}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_review.py" line="215"/>
        <source>Now fewer on hand than open orders have reserved: {skus}. Check those orders.</source>
        <translation>现在在库数量少于未完成订单的预留数量：{skus}。请检查这些订单。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_review.py" line="228"/>
        <source>Lines flagged for a recount</source>
        <translation>已标记复盘的行</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_review.py" line="230"/>
        <source>Post anyway</source>
        <translation>仍然提交</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_review.py" line="244"/>
        <location filename="../../orderapp/gui/count_review.py" line="248"/>
        <source>Cancel the count</source>
        <translation>取消盘点</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_review.py" line="245"/>
        <source>Cancel count {id}? Stock stays as it is; what was counted is kept for the record.</source>
        <translation>取消盘点 {id}？库存保持不变；已盘数据会保留作记录。</translation>
    </message>
</context>
<context>
    <name>CountScreenForm</name>
    <message>
        <location filename="../../ui/count_screen.ui" line="21"/>
        <source>Stock counts</source>
        <translation>库存盘点</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="67"/>
        <source>&amp;Start a count…</source>
        <translation>开始盘点(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="74"/>
        <location filename="../../ui/count_screen.ui" line="269"/>
        <location filename="../../ui/count_screen.ui" line="490"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="83"/>
        <source>Show posted and cancelled counts</source>
        <translation>显示已提交和已取消的盘点</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="137"/>
        <source>&amp;Count</source>
        <translation>盘点(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="148"/>
        <source>Scan, or type a barcode or SKU and press Enter</source>
        <translation>扫描，或输入条码或货号后按回车</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="235"/>
        <source>Find a product in this count</source>
        <translation>在本次盘点中查找商品</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="242"/>
        <source>&amp;Not counted yet only</source>
        <translation>只看未盘(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="299"/>
        <source>Units counted of the selected product:</source>
        <translation>所选商品的盘点数量：</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="322"/>
        <source>A&amp;dd</source>
        <translation>添加(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="329"/>
        <source>&amp;Empty shelf (0)</source>
        <translation>空货架 (0)(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="349"/>
        <source>&amp;Undo last entry</source>
        <translation>撤销上一条(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="359"/>
        <source>Re&amp;view and post</source>
        <translation>复核并提交(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="368"/>
        <source>This is a blind count: the review shows the expected quantities, so open it only when the counting is finished (it is for the person who checks and posts the count).</source>
        <translation>这是盲盘：复核页会显示应有数量，请在盘点完成后再打开（供核对并提交盘点的人使用）。</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="443"/>
        <source>Recount when the first count is off by</source>
        <translation>首次盘点差异超过以下数值时复盘：</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="456"/>
        <source> units</source>
        <translation> 件</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="463"/>
        <source>or</source>
        <translation>或</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="476"/>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="543"/>
        <source>&amp;Recount selected</source>
        <translation>复盘所选(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="570"/>
        <source>Set lines not counted to &amp;0</source>
        <translation>未盘行设为 0(&amp;0)</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="577"/>
        <source>&amp;Post count…</source>
        <translation>提交盘点(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="615"/>
        <source>Cancel this count…</source>
        <translation>取消本次盘点…</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="380"/>
        <source>Sho&amp;w the review</source>
        <translation>显示复核(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="423"/>
        <source>Var&amp;iances only</source>
        <translation>只看差异(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="483"/>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="550"/>
        <source>Recount all fla&amp;gged</source>
        <translation>复盘全部已标记行(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/count_screen.ui" line="595"/>
        <source>Print coun&amp;t sheet…</source>
        <translation>打印盘点表(&amp;T)…</translation>
    </message>
</context>
<context>
    <name>CountStartDialog</name>
    <message>
        <location filename="../../orderapp/gui/count_start_dialog.py" line="56"/>
        <source>Start a count</source>
        <translation>开始盘点</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_start_dialog.py" line="96"/>
        <source>e.g. A or A-03</source>
        <translation>例如 A 或 A-03</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_start_dialog.py" line="151"/>
        <source>Type or scan the SKUs or barcodes of the products to count.</source>
        <translation>输入或扫描要盘点商品的货号或条码。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_start_dialog.py" line="152"/>
        <source>No product has the code {codes}; check them.</source>
        <translation>没有商品使用代码 {codes}，请检查。</translation>
    </message>
</context>
<context>
    <name>CountStartForm</name>
    <message>
        <location filename="../../ui/count_start.ui" line="14"/>
        <source>&amp;Title</source>
        <translation>标题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="30"/>
        <source>e.g. Aisle A, May</source>
        <translation>例如 A 排，五月</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="52"/>
        <source>What to count</source>
        <translation>盘点范围</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="58"/>
        <source>&amp;Everything</source>
        <translation>全部商品(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="68"/>
        <source>A &amp;location (and the bins under it):</source>
        <translation>一个库位（及其下所有货位）(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="82"/>
        <source>A c&amp;ategory:</source>
        <translation>一个分类(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="92"/>
        <source>C&amp;hosen products:</source>
        <translation>指定商品(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="99"/>
        <source>SKUs or barcodes, separated by spaces or new lines (scanning works here)</source>
        <translation>货号或条码，用空格或换行分隔（可在此扫描）</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="128"/>
        <source>&amp;Blind count: counters do not see the expected quantities</source>
        <translation>盲盘(&amp;B)：盘点人看不到应有数量</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="140"/>
        <source>Flag a line for recount when it is off by</source>
        <translation>差异超过以下数值时标记复盘：</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="156"/>
        <source> units</source>
        <translation> 件</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="163"/>
        <source>or</source>
        <translation>或</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="176"/>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="252"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/count_start.ui" line="259"/>
        <source>&amp;Start count</source>
        <translation>开始盘点(&amp;S)</translation>
    </message>
</context>
<context>
    <name>CountsScreen</name>
    <message>
        <location filename="../../orderapp/gui/count_screen_base.py" line="42"/>
        <source>location {value}</source>
        <translation>库位 {value}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_screen_base.py" line="44"/>
        <source>category {value}</source>
        <translation>分类 {value}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_screen_base.py" line="46"/>
        <source>chosen products</source>
        <translation>指定商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_screen_base.py" line="47"/>
        <source>everything</source>
        <translation>全部商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_screen_base.py" line="52"/>
        <source>posted</source>
        <translation>已提交</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_screen_base.py" line="54"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_screen_base.py" line="55"/>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="186"/>
        <source>#</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="186"/>
        <source>Count</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="186"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="186"/>
        <source>Counted</source>
        <translation>已盘</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="186"/>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="318"/>
        <location filename="../../orderapp/gui/counts_screen.py" line="480"/>
        <source>{counted} of {lines}</source>
        <translation>{counted} / {lines}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="376"/>
        <source>Scan the first item, or type its code.</source>
        <translation>扫描第一件商品，或输入其代码。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="390"/>
        <source>Start a count, or choose one in the list.</source>
        <translation>开始一次盘点，或在列表中选择一个。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="395"/>
        <source>Count {id}: {title}</source>
        <translation>盘点 {id}：{title}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="399"/>
        <source>blind</source>
        <translation>盲盘</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="399"/>
        <source>expected quantities shown</source>
        <translation>显示应有数量</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="455"/>
        <source> (scroll for more)</source>
        <translation>（滚动查看更多）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/counts_screen.py" line="504"/>
        <source>Making the count sheet…</source>
        <translation>正在生成盘点表…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/counts_screen.py" line="401"/>
        <source>{counted} of %n line(s) counted</source>
        <translation>
            <numerusform>已盘 {counted} / %n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/counts_screen.py" line="456"/>
        <source>%n line(s) shown{more}</source>
        <translation>
            <numerusform>显示 %n 行{more}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CountsScreenBase</name>
    <message>
        <location filename="../../orderapp/gui/count_screen_base.py" line="159"/>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../orderapp/gui/crash.py" line="43"/>
        <source>OrderApp – something went wrong</source>
        <translation>OrderApp – 出错了</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/crash.py" line="48"/>
        <source>Something went wrong. Your work has been kept; you can carry on.</source>
        <translation>出错了。你的工作已保存，可以继续。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/crash.py" line="56"/>
        <source>The details are in the log file, for whoever helps you with OrderApp:
{path}</source>
        <translation>详细信息在日志文件中，可提供给帮你处理 OrderApp 问题的人：
{path}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/crash.py" line="64"/>
        <location filename="../../orderapp/gui/crash.py" line="108"/>
        <source>Show &amp;details</source>
        <translation>显示详细信息(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/crash.py" line="76"/>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/crash.py" line="79"/>
        <source>&amp;Continue</source>
        <translation>继续(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/crash.py" line="101"/>
        <source>Something went wrong ({count} times). Your work has been kept; you can carry on.</source>
        <translation>出错了（{count} 次）。你的工作已保存，可以继续。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/crash.py" line="108"/>
        <source>Hide &amp;details</source>
        <translation>隐藏详细信息(&amp;D)</translation>
    </message>
</context>
<context>
    <name>CustomerPicker</name>
    <message>
        <location filename="../../orderapp/gui/customer_picker.py" line="139"/>
        <source>{phone} belongs to {name}{where}. Use that customer instead of adding a new one?</source>
        <translation>{phone} 属于 {name}{where}。使用这位客户，而不是新建客户？</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customer_picker.py" line="148"/>
        <source>Existing customer</source>
        <translation>老客户</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customer_picker.py" line="156"/>
        <source>New customer: saved with the order</source>
        <translation>新客户：随订单一起保存</translation>
    </message>
</context>
<context>
    <name>CustomersScreen</name>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="80"/>
        <source>Find a customer by name or phone</source>
        <translation>按姓名或电话查找客户</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="83"/>
        <source>Everyone</source>
        <translation>全部客户</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="86"/>
        <source>Find duplicates…</source>
        <translation>查找重复客户…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="89"/>
        <location filename="../../orderapp/gui/customers_screen.py" line="101"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="89"/>
        <location filename="../../orderapp/gui/customers_screen.py" line="102"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="89"/>
        <location filename="../../orderapp/gui/customers_screen.py" line="106"/>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="89"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="89"/>
        <location filename="../../orderapp/gui/customers_screen.py" line="135"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="92"/>
        <source>Show more</source>
        <translation>显示更多</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="95"/>
        <source>Choose a customer to see their details and orders.</source>
        <translation>选择一位客户，查看其资料和订单。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="103"/>
        <source>Email</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="104"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="105"/>
        <source>Address line 2</source>
        <translation>地址第二行</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="107"/>
        <source>Region</source>
        <translation>省/州</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="108"/>
        <source>Postcode</source>
        <translation>邮编</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="109"/>
        <source>Country code</source>
        <translation>国家代码</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="126"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="130"/>
        <source>other tags, separated by spaces</source>
        <translation>其他标签，用空格分隔</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="140"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="146"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="146"/>
        <source>Placed</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="146"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="146"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="146"/>
        <source>Returns</source>
        <translation>退货</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="256"/>
        <source>Customers shown: {count}</source>
        <translation>已显示客户：{count}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="305"/>
        <source>Orders: {count} · spent {spent}</source>
        <translation>订单：{count} · 消费 {spent}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="347"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customers_screen.py" line="374"/>
        <source>That did not work; nothing was changed. Try again.</source>
        <translation>操作未成功，没有任何更改。请重试。</translation>
    </message>
</context>
<context>
    <name>DashboardForm</name>
    <message>
        <location filename="../../ui/dashboard.ui" line="23"/>
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="26"/>
        <source>heading</source>
        <translation>heading</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="38"/>
        <source>Orders placed since midnight, in the shop&apos;s time zone</source>
        <translation>从午夜起下的订单（按店铺时区）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="44"/>
        <location filename="../../ui/dashboard.ui" line="93"/>
        <location filename="../../ui/dashboard.ui" line="142"/>
        <location filename="../../ui/dashboard.ui" line="191"/>
        <source>tile</source>
        <translation>tile</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="62"/>
        <location filename="../../ui/dashboard.ui" line="111"/>
        <location filename="../../ui/dashboard.ui" line="160"/>
        <location filename="../../ui/dashboard.ui" line="209"/>
        <source>figure</source>
        <translation>figure</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="74"/>
        <source>Orders today</source>
        <translation>今日订单</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="87"/>
        <source>Confirmed orders that are being picked or wait for picking</source>
        <translation>已确认、正在拣货或等待拣货的订单</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="123"/>
        <source>Waiting to be packed</source>
        <translation>待打包</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="136"/>
        <source>Open orders whose due time has passed</source>
        <translation>已过截止时间的未完成订单</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="172"/>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="185"/>
        <source>Active products at or below their reorder point</source>
        <translation>可用库存不高于补货点的在售商品</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="221"/>
        <source>Low stock</source>
        <translation>库存不足</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="242"/>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="271"/>
        <source>Count the figures again now (they also refresh every minute)</source>
        <translation>立即重新统计（每分钟也会自动刷新）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard.ui" line="274"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
</context>
<context>
    <name>DashboardScreen</name>
    <message>
        <location filename="../../orderapp/gui/dashboard_screen.py" line="113"/>
        <source>as of {time}</source>
        <translation>截至 {time}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/dashboard_screen.py" line="126"/>
        <source>{kind}: {detail}</source>
        <translation>{kind}：{detail}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/dashboard_screen.py" line="127"/>
        <source>The figures could not be counted ({reason}). They will be tried again in a minute.</source>
        <translation>无法统计数据（{reason}）。一分钟后会再试。</translation>
    </message>
</context>
<context>
    <name>DatabaseProblemDialog</name>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="151"/>
        <source>OrderApp – the shop cannot be opened</source>
        <translation>OrderApp – 无法打开店铺</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="164"/>
        <source>Where: {location}</source>
        <translation>位置：{location}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="169"/>
        <source>There is a backup of this file from {taken}.</source>
        <translation>此文件有一个备份，时间为 {taken}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="173"/>
        <source>There are {count} backups of this file, the newest from {taken}.</source>
        <translation>此文件有 {count} 个备份，最新的时间为 {taken}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="182"/>
        <source>&amp;Choose another file…</source>
        <translation>选择其他文件(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="185"/>
        <source>&amp;Restore a backup…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="194"/>
        <source>&amp;Try again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="198"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="242"/>
        <source>Choose the shop&apos;s database file</source>
        <translation>选择店铺数据库文件</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="244"/>
        <source>OrderApp shops (*.sqlite *.db);;All files (*)</source>
        <translation>OrderApp 店铺 (*.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="189"/>
        <source>&amp;New shop here</source>
        <translation>在此新建店铺(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="191"/>
        <source>Make a new, empty shop at this place</source>
        <translation>在这个位置新建一个空的店铺</translation>
    </message>
</context>
<context>
    <name>DeadlinesLine</name>
    <message>
        <location filename="../../orderapp/gui/exceptions_dashboard.py" line="48"/>
        <source>The deadlines could not be counted: {reason}</source>
        <translation>无法统计时限：{reason}</translation>
    </message>
</context>
<context>
    <name>DocumentJob</name>
    <message>
        <location filename="../../orderapp/gui/print_preview.py" line="101"/>
        <source>The document could not be made ({kind}: {detail}).</source>
        <translation>无法生成文档（{kind}：{detail}）。</translation>
    </message>
</context>
<context>
    <name>DraftSaver</name>
    <message>
        <location filename="../../orderapp/gui/order_draft_saver.py" line="166"/>
        <source>Your draft could not be saved just now ({reason}); keep this form open.</source>
        <translation>暂时无法保存草稿（{reason}）；请不要关闭此表单。</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../orderapp/gui/customer_duplicates_dialog.py" line="37"/>
        <source>Duplicate customers</source>
        <translation>重复客户</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customer_duplicates_dialog.py" line="45"/>
        <source>Looking for customers entered twice…</source>
        <translation>正在查找重复录入的客户…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customer_duplicates_dialog.py" line="51"/>
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customer_duplicates_dialog.py" line="51"/>
        <source>Merge into it</source>
        <translation>并入保留客户</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customer_duplicates_dialog.py" line="51"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customer_duplicates_dialog.py" line="51"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customer_duplicates_dialog.py" line="57"/>
        <source>Keep the other one</source>
        <translation>改为保留另一位</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customer_duplicates_dialog.py" line="59"/>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customer_duplicates_dialog.py" line="61"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customer_duplicates_dialog.py" line="92"/>
        <source>Pairs that look like one customer entered twice: {count}. Check each, then merge it.</source>
        <translation>疑似同一客户重复录入：{count} 对。请逐一核对后合并。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customer_duplicates_dialog.py" line="160"/>
        <source>Merged; orders moved: {orders}.</source>
        <translation>已合并；转移订单：{orders} 个。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customer_duplicates_dialog.py" line="98"/>
        <source>No duplicate customers found.</source>
        <translation>没有发现重复客户。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customer_duplicates_dialog.py" line="146"/>
        <source>Merge {merge} into {keep}? Every order, draft, return and tag of {merge} moves to {keep}; details that differ are kept in the notes.</source>
        <translation>将 {merge} 合并到 {keep}？{merge} 的所有订单、草稿、退货和标签都将转到 {keep}；不同的资料会保留在备注中。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customer_duplicates_dialog.py" line="170"/>
        <source>That did not work; nothing was changed. Try again.</source>
        <translation>操作未成功，没有任何更改。请重试。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/customer_duplicates_dialog.py" line="174"/>
        <source>Merge customers</source>
        <translation>合并客户</translation>
    </message>
</context>
<context>
    <name>EditConflictDialog</name>
    <message>
        <location filename="../../orderapp/gui/edit_conflict_dialog.py" line="34"/>
        <source>Changed on another PC</source>
        <translation>已在另一台电脑上修改</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/edit_conflict_dialog.py" line="44"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/edit_conflict_dialog.py" line="44"/>
        <source>When you opened it</source>
        <translation>你打开时</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/edit_conflict_dialog.py" line="44"/>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/edit_conflict_dialog.py" line="54"/>
        <source>&amp;Take their version</source>
        <translation>采用对方的版本(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/edit_conflict_dialog.py" line="56"/>
        <source>Show the record as it is now; your changes here are dropped</source>
        <translation>显示现在保存的内容；你在这里的修改将被放弃</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/edit_conflict_dialog.py" line="57"/>
        <source>&amp;Save mine over it</source>
        <translation>用我的覆盖(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/edit_conflict_dialog.py" line="59"/>
        <source>Store what you typed, replacing the other PC&apos;s change</source>
        <translation>保存你输入的内容，替换另一台电脑的修改</translation>
    </message>
</context>
<context>
    <name>EvidencePlayer</name>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="217"/>
        <source>Packing video · {number}</source>
        <translation>打包视频 · {number}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="242"/>
        <source>◀| Frame back</source>
        <translation>◀| 上一帧</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="243"/>
        <location filename="../../orderapp/gui/evidence_player.py" line="449"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="244"/>
        <source>Frame forward |▶</source>
        <translation>下一帧 |▶</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="246"/>
        <source>Export with manifest…</source>
        <translation>连同清单导出…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="247"/>
        <source>Delete video…</source>
        <translation>删除视频…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="268"/>
        <source>Scans</source>
        <translation>扫描记录</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="316"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="342"/>
        <source>Order {number} has no packing video.</source>
        <translation>订单 {number} 没有打包视频。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="361"/>
        <source>Return {number} opened</source>
        <translation>退货 {number} 拆包</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="363"/>
        <source>Return opened (not recorded)</source>
        <translation>退货拆包（未登记）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="366"/>
        <source>Packing</source>
        <translation>打包</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="367"/>
        <source>{what} · {started} · {length} · {station} · {packer}</source>
        <translation>{what} · {started} · {length} · {station} · {packer}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="387"/>
        <source>{size:.1f} MB · SHA-256 {digest}…
{note}</source>
        <translation>{size:.1f} MB · SHA-256 {digest}…
{note}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="407"/>
        <source>This packing video cannot be played: its file is missing or damaged ({path}). Its record, times and scans are kept; if the drive with the videos is unplugged, plug it in and open it again.</source>
        <translation>这段打包视频无法播放：文件不见了或已损坏（{path}）。它的记录、时间和扫描都还在；如果存放视频的磁盘被拔掉了，请接上后再打开。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="414"/>
        <source>OK</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="415"/>
        <source>count typed</source>
        <translation>已输入数量</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="416"/>
        <source>refused: already complete</source>
        <translation>拒绝：已装够</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="417"/>
        <source>refused: not on this order</source>
        <translation>拒绝：不在此订单中</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="418"/>
        <source>refused: unknown barcode</source>
        <translation>拒绝：未知条码</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="419"/>
        <source>refused: misread</source>
        <translation>拒绝：误读</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="420"/>
        <source>undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="421"/>
        <source>packed without full check</source>
        <translation>未完整核对即打包</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="422"/>
        <source>packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="423"/>
        <source>left for later</source>
        <translation>暂时离开</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="424"/>
        <source>back in</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="425"/>
        <source>return recorded</source>
        <translation>退货已登记</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="426"/>
        <source>refund recorded</source>
        <translation>退款已登记</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="427"/>
        <source>paused: a return was opened</source>
        <translation>暂停：打开了一个退货</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="428"/>
        <source>resumed</source>
        <translation>继续录制</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="445"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="501"/>
        <source>Choose an empty folder for the export</source>
        <translation>选择一个空文件夹用于导出</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="513"/>
        <source>Exported to {folder} with manifest.json (SHA-256 of each clip).</source>
        <translation>已导出到 {folder}，附 manifest.json（每段视频的 SHA-256）。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="523"/>
        <source>The export failed; the clips in the shop are unchanged. Try another folder.</source>
        <translation>导出失败；店里的视频没有任何改动。请换一个文件夹。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="531"/>
        <source>Delete this video&apos;s file; its record, times and scans stay with the order.</source>
        <translation>删除此视频文件；其记录、时间和扫描仍保留在订单中。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="533"/>
        <source>Only the shop&apos;s owner may delete a packing video.</source>
        <translation>只有店主可以删除打包视频。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="539"/>
        <source>Delete video</source>
        <translation>删除视频</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="551"/>
        <source>Delete the video of order {number} recorded on {started}? It cannot be brought back; the order keeps a note of who deleted it and when.</source>
        <translation>删除订单 {number} 于 {started} 录制的视频？删除后无法恢复；订单会记下由谁、在何时删除。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="574"/>
        <source>The video was deleted. {note}</source>
        <translation>视频已删除。{note}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="581"/>
        <source>The video could not be deleted; nothing was changed.</source>
        <translation>视频无法删除；没有任何更改。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="593"/>
        <source>The packing videos could not be read.</source>
        <translation>无法读取打包视频。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="623"/>
        <source>Play packing video</source>
        <translation>播放打包视频</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_player.py" line="645"/>
        <source>No packing video</source>
        <translation>没有打包视频</translation>
    </message>
</context>
<context>
    <name>ExceptionQueueModel</name>
    <message>
        <location filename="../../orderapp/gui/exception_queue_model.py" line="78"/>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exception_queue_model.py" line="79"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exception_queue_model.py" line="80"/>
        <source>Family</source>
        <translation>大类</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exception_queue_model.py" line="81"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exception_queue_model.py" line="82"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exception_queue_model.py" line="83"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exception_queue_model.py" line="84"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exception_queue_model.py" line="85"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exception_queue_model.py" line="86"/>
        <source>Opened</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exception_queue_model.py" line="87"/>
        <source>Age</source>
        <translation>已过时间</translation>
    </message>
</context>
<context>
    <name>ExceptionSettingsGroup</name>
    <message>
        <location filename="../../orderapp/gui/settings_exceptions.py" line="36"/>
        <source>Exceptions and time limits</source>
        <translation>异常与时限</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_exceptions.py" line="45"/>
        <source>Owner of new exceptions</source>
        <translation>新异常的负责人</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_exceptions.py" line="46"/>
        <source>Confirm within (hours, 0 = off)</source>
        <translation>确认时限（小时，0 = 关闭）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_exceptions.py" line="47"/>
        <source>Pack by the daily cut-off (hh:mm, empty = off)</source>
        <translation>每日截单打包时间（时:分，留空 = 关闭）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_exceptions.py" line="48"/>
        <source>Ship within (hours of arriving, 0 = off)</source>
        <translation>发货时限（下单后小时数，0 = 关闭）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_exceptions.py" line="49"/>
        <source>Delivered within (days of shipping, 0 = off)</source>
        <translation>签收时限（发货后天数，0 = 关闭）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_exceptions.py" line="50"/>
        <source>Days per carrier</source>
        <translation>各快递公司天数</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_exceptions.py" line="50"/>
        <source>e.g. SF Express=2; EMS=7</source>
        <translation>例如 SF Express=2; EMS=7</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_exceptions.py" line="51"/>
        <source>Refused scans on one order that raise an exception (0 = off)</source>
        <translation>同一订单被拒扫描达到多少次登记异常（0 = 关闭）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_exceptions.py" line="67"/>
        <source>Save exception settings</source>
        <translation>保存异常设置</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_exceptions.py" line="101"/>
        <source>Type a whole number (0 turns this off).</source>
        <translation>请输入整数（0 表示关闭）。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_exceptions.py" line="143"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_exceptions.py" line="155"/>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
</context>
<context>
    <name>ExceptionWatch</name>
    <message>
        <location filename="../../orderapp/gui/exceptions_watch.py" line="69"/>
        <source>OrderApp</source>
        <translation>OrderApp</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_watch.py" line="71"/>
        <source>OrderApp: new exceptions</source>
        <translation>OrderApp：新异常</translation>
    </message>
</context>
<context>
    <name>ExceptionsScreen</name>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="90"/>
        <source>Every family</source>
        <translation>全部大类</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="93"/>
        <source>Every severity</source>
        <translation>全部严重程度</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="95"/>
        <source>Every owner</source>
        <translation>全部负责人</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="97"/>
        <source>Not resolved</source>
        <translation>未解决</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="98"/>
        <source>Every status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="104"/>
        <source>New e&amp;xception…</source>
        <translation>新建异常(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="108"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="121"/>
        <source>Exceptions, highest priority first</source>
        <translation>异常（优先级高的在前）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="137"/>
        <source>&amp;Start</source>
        <translation>开始处理(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="138"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="139"/>
        <source>Take &amp;action</source>
        <translation>采取措施(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="140"/>
        <source>&amp;Resolve</source>
        <translation>解决(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="141"/>
        <source>&amp;Owner</source>
        <translation>负责人(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="145"/>
        <source>Key: {key}</source>
        <translation>按键：{key}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="158"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="158"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="158"/>
        <source>What</source>
        <translation>事项</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="158"/>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="424"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="182"/>
        <source>Exceptions</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="253"/>
        <source>The exceptions could not be read: {reason}</source>
        <translation>无法读取异常：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="266"/>
        <source>Choose an exception in the queue.</source>
        <translation>请在队列中选择一条异常。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="272"/>
        <source>{number} · order {order} · {type} · {severity} · {status} · owner {owner}</source>
        <translation>{number} · 订单 {order} · {type} · {severity} · {status} · 负责人 {owner}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="279"/>
        <source>Resolution: {text}</source>
        <translation>处理结果：{text}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="294"/>
        <source>order {number}</source>
        <translation>订单 {number}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="316"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="316"/>
        <source>What happened? (e.g. called the customer, no answer)</source>
        <translation>发生了什么？（例如：给客户打了电话，无人接听）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="321"/>
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="321"/>
        <source>The resolution: what was done and how it ended.</source>
        <translation>处理结果：做了什么、结果如何。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="326"/>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="326"/>
        <source>Who owns this exception now?</source>
        <translation>这条异常现在由谁负责？</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="380"/>
        <source>That did not work: {reason}</source>
        <translation>操作未成功：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="396"/>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="401"/>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="405"/>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="408"/>
        <source>New exception</source>
        <translation>新建异常</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="396"/>
        <source>Order number (e.g. SO-000123)</source>
        <translation>订单号（例如 SO-000123）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="401"/>
        <source>What went wrong</source>
        <translation>出了什么问题</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="405"/>
        <source>How bad</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="408"/>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="415"/>
        <source>Take an action</source>
        <translation>采取措施</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="415"/>
        <source>Action</source>
        <translation>措施</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="421"/>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="421"/>
        <source>Amount (e.g. 12.50)</source>
        <translation>金额（例如 12.50）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/exceptions_screen.py" line="424"/>
        <source>Anything to remember about it</source>
        <translation>需要记下的内容</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="357"/>
        <source>Set up OrderApp</source>
        <translation>设置 OrderApp</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="366"/>
        <source>Skip setup</source>
        <translation>跳过设置</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="371"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="442"/>
        <source>The settings could not be stored: {reason}</source>
        <translation>设置未能保存：{reason}</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="117"/>
        <source>Movement history of {sku}</source>
        <translation>{sku} 的库存变动记录</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="125"/>
        <source>On hand {on_hand} · reserved {reserved} · available {available}</source>
        <translation>在库 {on_hand} · 预留 {reserved} · 可用 {available}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="142"/>
        <source>{rows} movements</source>
        <translation>{rows} 条变动</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="144"/>
        <source>{rows} most recent movements; scroll for older ones</source>
        <translation>最近 {rows} 条变动；向下滚动查看更早的记录</translation>
    </message>
</context>
<context>
    <name>InventoryScreen</name>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="137"/>
        <source>Active products</source>
        <translation>在售商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="138"/>
        <source>Inactive products</source>
        <translation>停用商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="139"/>
        <source>All products</source>
        <translation>全部商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="140"/>
        <location filename="../../orderapp/gui/inventory_screen.py" line="228"/>
        <source>All categories</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="143"/>
        <source>Any location</source>
        <translation>全部库位</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="298"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="313"/>
        <source>No product matches; check the search or the filters.</source>
        <translation>没有匹配的商品；请检查搜索内容或筛选条件。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/inventory_screen.py" line="315"/>
        <source>%n products</source>
        <translation>
            <numerusform>%n 个商品</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="385"/>
        <source>Choose a product in the list.</source>
        <translation>请在列表中选择一个商品。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="399"/>
        <source>SKU {sku}</source>
        <translation>货号 {sku}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="401"/>
        <source>Price {price}</source>
        <translation>售价 {price}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="402"/>
        <source>cost {cost}</source>
        <translation>成本 {cost}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="407"/>
        <source>Location {location}</source>
        <translation>库位 {location}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="409"/>
        <source>reorder at {point}, order {qty}</source>
        <translation>补货点 {point}，补货 {qty}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="419"/>
        <source>At or below the reorder point ({point})</source>
        <translation>不高于补货点（{point}）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="424"/>
        <source>{code} (case of {qty})</source>
        <translation>{code}（整箱 {qty} 件）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="426"/>
        <source>{code} (in-store)</source>
        <translation>{code}（店内码）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="429"/>
        <source>Barcodes: {codes}</source>
        <translation>条码：{codes}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="432"/>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="434"/>
        <source>Inactive: not sold and not counted; its history is kept.</source>
        <translation>已停用：不再销售，也不参与盘点；历史记录保留。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="435"/>
        <source>Re&amp;activate</source>
        <translation>重新启用(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="549"/>
        <source>Delete product</source>
        <translation>删除商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="550"/>
        <source>Delete {sku} “{name}”? It has never moved, so nothing else refers to it.</source>
        <translation>删除 {sku}“{name}”？它从未有过库存变动，没有其他记录引用它。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="572"/>
        <source>{sku} has a history, so it was deactivated instead of deleted.</source>
        <translation>{sku} 有历史记录，因此已改为停用而不是删除。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="591"/>
        <source>Export stopped; no file was written.</source>
        <translation>导出已停止；没有写入文件。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/inventory_screen.py" line="597"/>
        <source>{rows} products exported to {path}.</source>
        <translation>已将 {rows} 个商品导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>LanguageGroup</name>
    <message>
        <location filename="../../orderapp/gui/settings_language.py" line="27"/>
        <source>Language of the window</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_language.py" line="30"/>
        <source>The system&apos;s language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_language.py" line="33"/>
        <source>On this PC; it applies the next time OrderApp starts.</source>
        <translation>仅对这台电脑有效；下次启动 OrderApp 时生效。</translation>
    </message>
</context>
<context>
    <name>LiveRefresh</name>
    <message>
        <location filename="../../orderapp/gui/live_refresh.py" line="141"/>
        <source>Connected to the database again.</source>
        <translation>已重新连接到数据库。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/live_refresh.py" line="143"/>
        <source>The database server cannot be reached; what you save now will not be stored. Trying again every few seconds…</source>
        <translation>无法连接数据库服务器；现在保存的内容不会被存储。每隔几秒会自动重试…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../orderapp/gui/selftest_window.py" line="57"/>
        <location filename="../../orderapp/gui/screen_registry.py" line="37"/>
        <source>Dashboard</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/screen_registry.py" line="38"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/screen_registry.py" line="39"/>
        <source>Packing</source>
        <translation>打包</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/screen_registry.py" line="40"/>
        <source>Inventory</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/screen_registry.py" line="41"/>
        <source>Counts</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/screen_registry.py" line="42"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/screen_registry.py" line="45"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="85"/>
        <source>Screens</source>
        <translation>功能页面</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="104"/>
        <source>{screen} ({shortcut})</source>
        <translation>{screen}（{shortcut}）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="133"/>
        <source>Database: {location}</source>
        <translation>数据库：{location}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="156"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="158"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="165"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="167"/>
        <source>Open &amp;log folder</source>
        <translation>打开日志文件夹(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="169"/>
        <source>Show the folder with OrderApp&apos;s log, for whoever helps you with it</source>
        <translation>打开存放 OrderApp 日志的文件夹，可提供给帮你处理问题的人</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="172"/>
        <source>&amp;About OrderApp</source>
        <translation>关于 OrderApp(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="180"/>
        <source>&lt;h3&gt;OrderApp {version}&lt;/h3&gt;&lt;p&gt;Orders, scan-verified packing, stock counts and printed paperwork for small shops.&lt;/p&gt;&lt;p&gt;Python {python}, Qt for Python {pyside}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;OrderApp {version}&lt;/h3&gt;&lt;p&gt;为小店打造的订单、扫码核对打包、库存盘点和单据打印工具。&lt;/p&gt;&lt;p&gt;Python {python}，Qt for Python {pyside}&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="186"/>
        <source>About OrderApp</source>
        <translation>关于 OrderApp</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="269"/>
        <source>The shop&apos;s settings could not be read: {reason}</source>
        <translation>无法读取店铺设置：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="276"/>
        <source>OrderApp – {shop}</source>
        <translation>OrderApp – {shop}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="276"/>
        <source>OrderApp</source>
        <translation>OrderApp</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/main_window.py" line="278"/>
        <source> (demo)</source>
        <translation>（演示）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/screen_registry.py" line="44"/>
        <source>Exceptions</source>
        <translation>异常</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/screen_registry.py" line="43"/>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
</context>
<context>
    <name>MovementModel</name>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="61"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="62"/>
        <source>What</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="63"/>
        <source>On hand ±</source>
        <translation>在库 ±</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="64"/>
        <source>On hand after</source>
        <translation>变动后在库</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="65"/>
        <source>Reserved ±</source>
        <translation>预留 ±</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="66"/>
        <source>Reserved after</source>
        <translation>变动后预留</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="67"/>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="68"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="69"/>
        <source>Reference</source>
        <translation>单据号</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="102"/>
        <source>order {number}</source>
        <translation>订单 {number}</translation>
    </message>
</context>
<context>
    <name>OrderActionDialog</name>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="213"/>
        <source>That did not work; nothing was changed. Try again.</source>
        <translation>操作未成功，没有做任何更改。请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/order_action_dialog.ui" line="33"/>
        <source>&amp;Carrier</source>
        <translation>快递公司(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/order_action_dialog.ui" line="69"/>
        <source>&amp;Tracking number</source>
        <translation>运单号(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/order_action_dialog.ui" line="82"/>
        <source>As printed on the label; a scanner can type it</source>
        <translation>与面单上一致；可用扫码枪输入</translation>
    </message>
    <message>
        <location filename="../../ui/order_action_dialog.ui" line="102"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/order_action_dialog.ui" line="115"/>
        <source>Kept in the order&apos;s timeline</source>
        <translation>记录在订单的时间线中</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="138"/>
        <source>Ship short</source>
        <translation>缺货发货</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="167"/>
        <source>Enter why it is shipped short; the reason is kept in the stock ledger and the timeline.</source>
        <translation>请填写缺货发货的原因；原因会记入库存流水和订单时间线。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="179"/>
        <source>Reason to ship short</source>
        <translation>缺货发货原因</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="181"/>
        <source>Why the units leave although they are not on hand</source>
        <translation>为什么在没有现货的情况下发出这些商品</translation>
    </message>
</context>
<context>
    <name>OrderBulkConfirm</name>
    <message>
        <location filename="../../ui/order_bulk_confirm.ui" line="6"/>
        <source>Confirm orders</source>
        <translation>确认订单</translation>
    </message>
    <message>
        <location filename="../../ui/order_bulk_confirm.ui" line="73"/>
        <source>&amp;Confirm</source>
        <translation>确认(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/order_bulk_confirm.ui" line="83"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/order_bulk_confirm.ui" line="86"/>
        <source>Stop after the order being confirmed</source>
        <translation>确认完当前订单后停止</translation>
    </message>
    <message>
        <location filename="../../ui/order_bulk_confirm.ui" line="93"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>OrderDetail</name>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="272"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="273"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="274"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="275"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="276"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="277"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="278"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="288"/>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="288"/>
        <source>Who</source>
        <translation>操作人</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="288"/>
        <source>What</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="288"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="328"/>
        <source>The order could not be read just now; choose it again.</source>
        <translation>暂时无法读取订单；请重新选择。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="351"/>
        <source>URGENT</source>
        <translation>加急</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="353"/>
        <source>OVERDUE</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="355"/>
        <source>BACKORDERED</source>
        <translation>缺货待补</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="366"/>
        <source>Goods {amount}</source>
        <translation>商品金额 {amount}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="368"/>
        <source>discount −{amount}</source>
        <translation>优惠 −{amount}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="370"/>
        <source>shipping {amount}</source>
        <translation>运费 {amount}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="371"/>
        <source>&lt;b&gt;Total {amount}&lt;/b&gt;</source>
        <translation>&lt;b&gt;合计 {amount}&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="380"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="395"/>
        <source>Deliver to</source>
        <translation>收货信息</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="397"/>
        <location filename="../../orderapp/gui/order_detail.py" line="399"/>
        <source>Delivery</source>
        <translation>配送</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="397"/>
        <source>collected at the shop</source>
        <translation>到店自提</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="399"/>
        <source>sold at the counter</source>
        <translation>柜台销售</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="401"/>
        <source>Placed</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="403"/>
        <source>Their number</source>
        <translation>对方单号</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="408"/>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="412"/>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="414"/>
        <source>Shipped with</source>
        <translation>承运</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="416"/>
        <source>On hold from</source>
        <translation>暂停自</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="418"/>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="437"/>
        <source>backordered</source>
        <translation>缺货待补</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="440"/>
        <source>price changed (catalogue {price})</source>
        <translation>价格已改（目录价 {price}）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="529"/>
        <source>That did not work; nothing was changed. Try again.</source>
        <translation>操作未成功，没有做任何更改。请重试。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="561"/>
        <source>Ship {number}</source>
        <translation>发货 {number}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="562"/>
        <source>Record who carries {number} and its tracking number.</source>
        <translation>记录 {number} 的快递公司和运单号。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="563"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="581"/>
        <source>Cancel {number}</source>
        <translation>取消 {number}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="582"/>
        <source>Why is {number} cancelled? Its reserved stock goes back on sale.</source>
        <translation>为什么取消 {number}？它预留的库存会重新变为可售。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="585"/>
        <source>Cancel the order</source>
        <translation>取消订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="596"/>
        <source>Hold {number}</source>
        <translation>暂停 {number}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="597"/>
        <source>Why is work on {number} stopped? It keeps any stock it holds.</source>
        <translation>为什么暂停处理 {number}？它已占用的库存会保留。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="598"/>
        <source>Put on hold</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="609"/>
        <source>Release {number}</source>
        <translation>恢复 {number}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="610"/>
        <source>Why can work on {number} go on?</source>
        <translation>为什么可以继续处理 {number}？</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_detail.py" line="611"/>
        <source>Release</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="431"/>
        <source>Return / refund…</source>
        <translation>退货/退款…</translation>
    </message>
</context>
<context>
    <name>OrderDetailForm</name>
    <message>
        <location filename="../../ui/order_detail.ui" line="21"/>
        <source>Choose an order in the list to see it here.</source>
        <translation>在列表中选择一个订单，在此查看。</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="102"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="105"/>
        <source>Change the order&apos;s lines, customer or address (Alt+E)</source>
        <translation>修改订单的商品行、客户或地址 (Alt+E)</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="112"/>
        <source>&amp;Confirm</source>
        <translation>确认(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="115"/>
        <source>Reserve the stock and send the order to packing (Alt+C)</source>
        <translation>预留库存并把订单送去打包 (Alt+C)</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="122"/>
        <source>Start &amp;picking</source>
        <translation>开始拣货(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="125"/>
        <source>Mark that someone is picking it (Alt+P)</source>
        <translation>标记为有人正在拣货 (Alt+P)</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="132"/>
        <source>&amp;Ship…</source>
        <translation>发货(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="135"/>
        <source>It left: record the carrier and tracking number (Alt+S)</source>
        <translation>已发出：记录快递公司和运单号 (Alt+S)</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="142"/>
        <source>&amp;Delivered</source>
        <translation>已签收(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="145"/>
        <source>The customer has it (Alt+D)</source>
        <translation>客户已收到 (Alt+D)</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="152"/>
        <source>Ho&amp;ld…</source>
        <translation>暂停(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="155"/>
        <source>Stop work on it for now, with a reason (Alt+H)</source>
        <translation>暂停处理，并注明原因 (Alt+H)</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="162"/>
        <source>&amp;Release…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="165"/>
        <source>Take it off hold, with a reason (Alt+R)</source>
        <translation>解除暂停，并注明原因 (Alt+R)</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="172"/>
        <source>Ca&amp;ncel order…</source>
        <translation>取消订单(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="175"/>
        <source>Cancel it, with a reason; its reserved stock is released (Alt+N)</source>
        <translation>取消订单，并注明原因；预留的库存会释放 (Alt+N)</translation>
    </message>
    <message>
        <location filename="../../ui/order_detail.ui" line="240"/>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
</context>
<context>
    <name>OrderFilterBar</name>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="56"/>
        <source>Every status</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="57"/>
        <source>Open (not shipped yet)</source>
        <translation>未完成（尚未发货）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="58"/>
        <source>To pack (confirmed or picking)</source>
        <translation>待打包(已确认或拣货中)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="61"/>
        <source>Every channel</source>
        <translation>全部渠道</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="65"/>
        <source>Any time</source>
        <translation>不限时间</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="66"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="67"/>
        <source>Yesterday</source>
        <translation>昨天</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="68"/>
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="69"/>
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="70"/>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="71"/>
        <source>Between dates…</source>
        <translation>指定日期范围…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="74"/>
        <source>Any priority</source>
        <translation>全部优先级</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="75"/>
        <source>Urgent</source>
        <translation>加急</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_filters.py" line="76"/>
        <source>Normal</source>
        <translation>普通</translation>
    </message>
</context>
<context>
    <name>OrderForm</name>
    <message>
        <location filename="../../ui/order_form.ui" line="730"/>
        <source>e.g. 5 or 10%</source>
        <translation>例如 5 或 10%</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="440"/>
        <source>The customer collects the order at the shop; no address needed.</source>
        <translation>客户到店自提订单；无需地址。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="443"/>
        <source>Sold at the counter: the customer is optional and the stock is taken at once.</source>
        <translation>柜台销售：客户可不填，库存立即扣减。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="506"/>
        <source>discount −{amount}</source>
        <translation>优惠 −{amount}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="508"/>
        <source>shipping {amount}</source>
        <translation>运费 {amount}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="521"/>
        <source>Looking up the products…</source>
        <translation>正在查找商品…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="524"/>
        <source>Left to fix:</source>
        <translation>待修正：</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="527"/>
        <source>Ready: {keys} completes the sale.</source>
        <translation>就绪：按 {keys} 完成销售。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="529"/>
        <source>Ready: {keys} confirms the order and reserves the stock.</source>
        <translation>就绪：按 {keys} 确认订单并预留库存。</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="1163"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="551"/>
        <source>Edit {number}</source>
        <translation>编辑 {number}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="553"/>
        <source>Walk-in sale</source>
        <translation>柜台销售</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="555"/>
        <source>New order</source>
        <translation>新建订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="574"/>
        <source>The database could not be read just now; try again in a moment.</source>
        <translation>暂时无法读取数据库；请稍后再试。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="619"/>
        <source>Discard this order?</source>
        <translation>放弃此订单？</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="620"/>
        <source>Everything typed in this form will be lost. Discard it?</source>
        <translation>此表单中输入的所有内容都将丢失。确定放弃？</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="622"/>
        <source>Your changes to {number} will be lost. Discard them?</source>
        <translation>对 {number} 的修改将丢失。确定放弃？</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="713"/>
        <source>Sale {number} completed: {total}.</source>
        <translation>销售 {number} 已完成：{total}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="738"/>
        <source>Not placed: order {number} already has these items.</source>
        <translation>未下单：订单 {number} 已有相同的商品。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="754"/>
        <source>Fix the fields marked in red, then try again.</source>
        <translation>请修正标红的字段，然后重试。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form.py" line="763"/>
        <source>The order could not be saved; your typing is kept. Try again.</source>
        <translation>订单未能保存；已输入的内容仍保留。请重试。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_submit.py" line="54"/>
        <source>Same order again?</source>
        <translation>重复下单？</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_submit.py" line="57"/>
        <source>Place it as well</source>
        <translation>仍然下单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_submit.py" line="60"/>
        <source>Don&apos;t place it</source>
        <translation>不下单</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="44"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="53"/>
        <source>&amp;Customer</source>
        <translation>客户(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="66"/>
        <source>Name or phone: pick an existing customer or type a new one</source>
        <translation>姓名或电话：选择老客户或输入新客户</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="69"/>
        <source>Type a name or phone number to find the customer; pick one from the list with the arrow keys and Enter, or keep typing for a new customer (Alt+C)</source>
        <translation>输入姓名或电话号码查找客户；用方向键和回车从列表中选择，或继续输入以新建客户 (Alt+C)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="101"/>
        <source>New customer instead</source>
        <translation>改为新客户</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="104"/>
        <source>Enter a new customer instead of the one picked</source>
        <translation>不用已选的客户，改为输入新客户</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="126"/>
        <source>e.g. 138 1234 5678; abroad with +country code</source>
        <translation>例如 138 1234 5678；境外号码请加 + 国家代码</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="174"/>
        <source>&amp;Use this customer</source>
        <translation>使用这位客户(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="177"/>
        <source>Take the customer who has this phone number (Alt+U)</source>
        <translation>使用拥有此电话号码的客户 (Alt+U)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="187"/>
        <source>E-&amp;mail</source>
        <translation>电子邮箱(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="200"/>
        <source>Optional, e.g. name@example.com</source>
        <translation>选填，例如 name@example.com</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="236"/>
        <source>Delivery</source>
        <translation>配送</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="244"/>
        <source>Deli&amp;very</source>
        <translation>配送(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="250"/>
        <source>Sent to the address below (Alt+V)</source>
        <translation>寄送到下面的地址 (Alt+V)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="257"/>
        <source>Pic&amp;kup</source>
        <translation>自提(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="260"/>
        <source>Collected at the shop later (Alt+K)</source>
        <translation>稍后到店自提 (Alt+K)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="267"/>
        <source>&amp;Walk-in sale</source>
        <translation>柜台销售(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="270"/>
        <source>Sold at the counter now: no address, stock taken at once (Alt+W)</source>
        <translation>现在在柜台售出：无需地址，库存立即扣减 (Alt+W)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="323"/>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="336"/>
        <source>Street and house number, e.g. 南京东路100号</source>
        <translation>街道和门牌号，例如 南京东路100号</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="356"/>
        <source>Line &amp;2</source>
        <translation>地址第二行(&amp;2)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="369"/>
        <source>Building, floor, flat (optional)</source>
        <translation>楼栋、楼层、房号（选填）</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="389"/>
        <source>C&amp;ity</source>
        <translation>城市(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="402"/>
        <source>e.g. 上海 / Shanghai</source>
        <translation>例如 上海 / Shanghai</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="422"/>
        <source>Province / &amp;state</source>
        <translation>省 / 州(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="435"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="468"/>
        <source>e.g. 200001</source>
        <translation>例如 200001</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="488"/>
        <source>Coun&amp;try</source>
        <translation>国家/地区(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="524"/>
        <source>&amp;Recipient</source>
        <translation>收件人(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="537"/>
        <source>Empty: the customer</source>
        <translation>留空：即客户本人</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="557"/>
        <source>R&amp;ecipient phone</source>
        <translation>收件人电话(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="570"/>
        <source>Empty: the customer&apos;s phone</source>
        <translation>留空：即客户的电话</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="619"/>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="627"/>
        <source>Add &amp;product</source>
        <translation>添加商品(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="637"/>
        <source>SKU, barcode or name; Enter adds it (3*SKU adds 3)</source>
        <translation>货号、条码或名称；回车添加（3*货号 添加 3 件）</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="640"/>
        <source>Type or scan a SKU or barcode and press Enter, or type part of a name and pick from the list; start with 3* to add three (Ctrl+L)</source>
        <translation>输入或扫描货号或条码后按回车，或输入部分名称并从列表中选择；以 3* 开头可一次添加三件 (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="647"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="650"/>
        <source>Add the product typed (Enter)</source>
        <translation>添加已输入的商品（回车）</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="691"/>
        <source>Totals and payment</source>
        <translation>合计与付款</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="700"/>
        <source>Goods</source>
        <translation>商品金额</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="717"/>
        <source>Order &amp;discount</source>
        <translation>订单优惠(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="113"/>
        <source>Ph&amp;one</source>
        <translation>电话(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="455"/>
        <source>Postcode / &amp;ZIP</source>
        <translation>邮编(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="750"/>
        <source>Shipping fee</source>
        <translation>运费</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="763"/>
        <source>e.g. 10</source>
        <translation>例如 10</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="783"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="806"/>
        <source>Pa&amp;yment</source>
        <translation>付款(&amp;Y)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="835"/>
        <source>Amount paid</source>
        <translation>已付金额</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="848"/>
        <source>How much was paid so far</source>
        <translation>到目前为止已付多少</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="871"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="880"/>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="893"/>
        <source>Ur&amp;gent</source>
        <translation>加急(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="896"/>
        <source>Show it first to the packers</source>
        <translation>优先显示给打包人员</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="916"/>
        <source>Due &amp;by</source>
        <translation>截止时间(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="919"/>
        <source>Give the order a time it must be ready</source>
        <translation>为订单设定必须备好的时间</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="949"/>
        <source>Channe&amp;l</source>
        <translation>渠道(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="985"/>
        <source>E&amp;xternal number</source>
        <translation>外部单号(&amp;X)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="998"/>
        <source>Optional: the number they gave</source>
        <translation>选填：对方提供的单号</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="1018"/>
        <source>&amp;Notes</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="1040"/>
        <source>Printed on the packing slip</source>
        <translation>打印在装箱单上</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="1133"/>
        <source>Discard…</source>
        <translation>放弃…</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="1136"/>
        <source>Throw this order away, with its saved draft</source>
        <translation>丢弃此订单及其已保存的草稿</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="1143"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="1146"/>
        <source>Close the form; what you typed is kept as a draft (Esc)</source>
        <translation>关闭表单；已输入的内容会保存为草稿 (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="1153"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="1156"/>
        <source>Save it as received, without reserving stock (Ctrl+S)</source>
        <translation>保存为待确认，不预留库存 (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../ui/order_form.ui" line="1169"/>
        <source>Save and confirm: the stock is reserved (Ctrl+Enter)</source>
        <translation>保存并确认：预留库存 (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>OrderFormView</name>
    <message>
        <location filename="../../orderapp/gui/order_form_view.py" line="186"/>
        <source>{confirm} confirm · {save} save · {add} add product · {remove} remove line · Esc close</source>
        <translation>{confirm} 确认 · {save} 保存 · {add} 添加商品 · {remove} 删除行 · Esc 关闭</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form_view.py" line="441"/>
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form_view.py" line="445"/>
        <source>Save and confirm</source>
        <translation>保存并确认</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form_view.py" line="447"/>
        <source>Discard changes…</source>
        <translation>放弃修改…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form_view.py" line="451"/>
        <source>Complete sale</source>
        <translation>完成销售</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form_view.py" line="454"/>
        <source>Sell it now: the stock is taken at once ({keys})</source>
        <translation>立即售出：库存立即扣减 ({keys})</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form_view.py" line="458"/>
        <source>Save as received</source>
        <translation>保存为待确认</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form_view.py" line="461"/>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_form_view.py" line="464"/>
        <source>Save and confirm: the stock is reserved ({keys})</source>
        <translation>保存并确认：预留库存 ({keys})</translation>
    </message>
</context>
<context>
    <name>OrderImportDialog</name>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="105"/>
        <source>Find out from the columns</source>
        <translation>根据列自动识别</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="106"/>
        <source>Shopify orders export</source>
        <translation>Shopify 订单导出文件</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="107"/>
        <source>OrderApp template (generic)</source>
        <translation>OrderApp 模板（通用）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="109"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="109"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="109"/>
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="140"/>
        <source>Choose the orders file</source>
        <translation>选择订单文件</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="140"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="148"/>
        <source>Save the orders template</source>
        <translation>保存订单模板</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="148"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="155"/>
        <source>Template saved as {path}.</source>
        <translation>模板已保存为 {path}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="157"/>
        <source>The template could not be saved there: {reason}</source>
        <translation>无法在此保存模板：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="173"/>
        <source>Choose the file to import first.</source>
        <translation>请先选择要导入的文件。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="177"/>
        <source>There is no file {path}; choose it again.</source>
        <translation>文件 {path} 不存在；请重新选择。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="181"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="207"/>
        <source>Stopped; nothing was read or written.</source>
        <translation>已停止；没有读取或写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="214"/>
        <source>The file could not be read: {reason}</source>
        <translation>无法读取文件：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="220"/>
        <source>{rows} rows read: {orders} orders to import ({kind}).</source>
        <translation>已读取 {rows} 行：{orders} 个订单待导入（{kind}）。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="223"/>
        <source>Shopify</source>
        <translation>Shopify</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="223"/>
        <source>OrderApp template</source>
        <translation>OrderApp 模板</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="227"/>
        <source>{n} orders are skipped (imported before, or cancelled).</source>
        <translation>跳过 {n} 个订单（之前已导入，或已取消）。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="230"/>
        <source>{n} problems stop the import: fix them in the file and preview again.</source>
        <translation>{n} 个问题导致无法导入：请在文件中修正后重新预览。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="235"/>
        <source>Nothing stops the import; press Import.</source>
        <translation>没有问题，可以导入；请按“导入”。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="237"/>
        <source>{n} warnings: imported as given.</source>
        <translation>{n} 个警告：按原样导入。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="240"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="240"/>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="242"/>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="246"/>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="246"/>
        <source>{ref}: {why}</source>
        <translation>{ref}：{why}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="252"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="273"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="295"/>
        <source>Imported {n} orders ({span}) as received.</source>
        <translation>已导入 {n} 个订单（{span}），状态为待确认。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="297"/>
        <source>Nothing new to import.</source>
        <translation>没有需要导入的新内容。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="299"/>
        <source>{n} skipped.</source>
        <translation>跳过 {n} 个。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="301"/>
        <source>{n} new customers.</source>
        <translation>新客户 {n} 个。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="310"/>
        <source>Stopped; nothing was imported.</source>
        <translation>已停止；没有导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="312"/>
        <source>Nothing was imported.</source>
        <translation>没有导入任何内容。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="314"/>
        <source>The import failed and nothing was imported: {reason}</source>
        <translation>导入失败，没有导入任何内容：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="352"/>
        <source>{phase}: %v of %m</source>
        <translation>{phase}：%v / %m</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_import_dialog.py" line="358"/>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="6"/>
        <source>Import orders</source>
        <translation>导入订单</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="18"/>
        <source>Bring in orders from a Shopify orders export or from the OrderApp CSV template. Nothing is written until you press Import, and then either the whole file is imported or nothing is. Orders imported before are skipped.</source>
        <translation>从 Shopify 订单导出文件或 OrderApp CSV 模板导入订单。按“导入”之前不会写入任何内容；导入时要么整个文件全部导入，要么什么都不导入。之前导入过的订单会被跳过。</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="33"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="48"/>
        <source>A .csv file</source>
        <translation>一个 .csv 文件</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="55"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="58"/>
        <source>Choose the file (Alt+B)</source>
        <translation>选择文件 (Alt+B)</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="67"/>
        <source>F&amp;ormat</source>
        <translation>格式(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="85"/>
        <source>Save the &amp;template…</source>
        <translation>保存模板(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="88"/>
        <source>Write the generic CSV template with an example to fill in (Alt+T)</source>
        <translation>写出带示例的通用 CSV 模板，供填写 (Alt+T)</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="114"/>
        <source>&amp;Preview</source>
        <translation>预览(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="117"/>
        <source>Read and check the file; nothing is written (Alt+P)</source>
        <translation>读取并检查文件；不写入任何内容 (Alt+P)</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="131"/>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="134"/>
        <source>Stop reading or importing; nothing is written (Alt+S)</source>
        <translation>停止读取或导入；不写入任何内容 (Alt+S)</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="184"/>
        <source>&amp;Confirm imported orders…</source>
        <translation>确认已导入的订单(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="187"/>
        <source>Confirm the orders just imported whose stock allows; the rest are listed (Alt+C)</source>
        <translation>确认刚导入且库存足够的订单；其余的会列出 (Alt+C)</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="194"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="197"/>
        <source>Write the orders (Alt+I)</source>
        <translation>写入订单 (Alt+I)</translation>
    </message>
    <message>
        <location filename="../../ui/order_import.ui" line="204"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>OrderLines</name>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="98"/>
        <source>SKU / barcode</source>
        <translation>货号 / 条码</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="99"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="100"/>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="101"/>
        <source>Unit price</source>
        <translation>单价</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="102"/>
        <source>Discount</source>
        <translation>折扣</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="103"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="104"/>
        <source>Line total</source>
        <translation>小计</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="171"/>
        <source>The product&apos;s SKU or barcode; change it to sell another product</source>
        <translation>商品的货号或条码；修改它即可换成其他商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="176"/>
        <source>How many units</source>
        <translation>数量（件）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="181"/>
        <source>e.g. 5 or 10%</source>
        <translation>例如 5 或 10%</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="182"/>
        <source>Discount on this line: an amount, or a percentage such as 10%</source>
        <translation>本行折扣：金额，或百分比如 10%</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="187"/>
        <source>Remove this line ({keys})</source>
        <translation>删除此行 ({keys})</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="252"/>
        <source>Line {n} {what}</source>
        <translation>第 {n} 行{what}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="296"/>
        <source>Looking up…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="304"/>
        <source>Changed from the catalogue price {price}</source>
        <translation>已改自目录价 {price}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="308"/>
        <source>Empty: the catalogue price</source>
        <translation>留空：按目录价</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="318"/>
        <source>{n} available · backordered</source>
        <translation>可用 {n} · 缺货待补</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="321"/>
        <source>only {n} available</source>
        <translation>仅可用 {n}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="324"/>
        <source>{n} available</source>
        <translation>可用 {n}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_lines.py" line="327"/>
        <source>Not enough stock: this line is confirmed as backordered and packed when stock arrives.</source>
        <translation>库存不足：此行确认后记为缺货待补，到货后再打包。</translation>
    </message>
</context>
<context>
    <name>OrderList</name>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="42"/>
        <source>unpaid</source>
        <translation>未付款</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="43"/>
        <source>paid</source>
        <translation>已付款</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="44"/>
        <source>partly paid</source>
        <translation>部分付款</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="45"/>
        <source>refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="51"/>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="52"/>
        <source>web</source>
        <translation>网店</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="53"/>
        <source>in the shop</source>
        <translation>门店</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="54"/>
        <source>Shopify</source>
        <translation>Shopify</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="55"/>
        <source>imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="56"/>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
</context>
<context>
    <name>OrderListModel</name>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="161"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="162"/>
        <source>Placed</source>
        <translation>下单时间</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="163"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="164"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="165"/>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="166"/>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="167"/>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="168"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="169"/>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="170"/>
        <source>Due</source>
        <translation>截止</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="202"/>
        <source>Overdue: it was due {due} and has not shipped.</source>
        <translation>逾期：截止时间为 {due}，尚未发货。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="204"/>
        <source>Urgent</source>
        <translation>加急</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="206"/>
        <source>Their number: {ref}</source>
        <translation>对方单号：{ref}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="210"/>
        <source>{text} (overdue)</source>
        <translation>{text}（逾期）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_list_model.py" line="237"/>
        <source>{due} (overdue)</source>
        <translation>{due}（逾期）</translation>
    </message>
</context>
<context>
    <name>OrdersScreen</name>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="124"/>
        <location filename="../../orderapp/gui/orders_screen.py" line="303"/>
        <location filename="../../orderapp/gui/orders_screen.py" line="323"/>
        <source>Orders</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="220"/>
        <source>The shop&apos;s settings could not be read; the defaults are used for now.</source>
        <translation>无法读取店铺设置；暂时使用默认设置。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="246"/>
        <source>&amp;New order</source>
        <translation>新建订单(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="248"/>
        <source>Enter a phone, web or other order</source>
        <translation>录入电话、网店或其他订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="253"/>
        <source>&amp;Walk-in sale</source>
        <translation>柜台销售(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="255"/>
        <source>Sell at the counter: scan or type the products, then Ctrl+Enter</source>
        <translation>柜台销售：扫描或输入商品，然后按 Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="260"/>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="262"/>
        <source>Find an order by number, customer, phone, SKU or barcode</source>
        <translation>按订单号、客户、电话、货号或条码查找订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="267"/>
        <source>&amp;Import orders…</source>
        <translation>导入订单(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="269"/>
        <source>Import a Shopify orders export or the OrderApp CSV template</source>
        <translation>导入 Shopify 订单导出文件或 OrderApp CSV 模板</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="274"/>
        <source>&amp;Confirm selected</source>
        <translation>确认所选(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="276"/>
        <source>Confirm the selected received orders whose stock allows; the rest are listed</source>
        <translation>确认所选的待确认订单中库存足够的；其余的会列出</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="281"/>
        <source>&amp;Edit order</source>
        <translation>编辑订单(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="283"/>
        <source>Open the chosen order for editing (Enter)</source>
        <translation>打开所选订单进行编辑（回车）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="288"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="290"/>
        <source>Read the list again</source>
        <translation>重新读取列表</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="294"/>
        <source>Next tab</source>
        <translation>下一个标签页</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="294"/>
        <source>The next order tab</source>
        <translation>下一个订单标签页</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="298"/>
        <source>Previous tab</source>
        <translation>上一个标签页</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="300"/>
        <source>The previous order tab</source>
        <translation>上一个订单标签页</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="331"/>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="332"/>
        <source>Every order action, with its keys</source>
        <translation>所有订单操作及其快捷键</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="436"/>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="439"/>
        <source>No order matches; change the search or the filters.</source>
        <translation>没有匹配的订单；请修改搜索内容或筛选条件。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="441"/>
        <source>No orders yet: press {keys} to enter one.</source>
        <translation>还没有订单：按 {keys} 录入一个。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/orders_screen.py" line="444"/>
        <source>%n orders.</source>
        <translation>
            <numerusform>%n 个订单。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/orders_screen.py" line="446"/>
        <source>%n orders shown; more load as you scroll.</source>
        <translation>
            <numerusform>已显示 %n 个订单；向下滚动加载更多。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="451"/>
        <source>the database did not answer</source>
        <translation>数据库没有响应</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="455"/>
        <source>The orders could not be read ({reason}); press {keys} to try again.</source>
        <translation>无法读取订单（{reason}）；按 {keys} 重试。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="498"/>
        <source>{number} is now {status}.</source>
        <translation>{number} 现在是“{status}”。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="510"/>
        <source>Choose received orders in the list first (Shift or Ctrl + click, or Shift+arrows).</source>
        <translation>请先在列表中选择待确认的订单（Shift 或 Ctrl + 单击，或 Shift + 方向键）。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="608"/>
        <source>{number} saved, not confirmed: {reason}</source>
        <translation>{number} 已保存，未确认：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="612"/>
        <source>{number} saved: {status}.</source>
        <translation>{number} 已保存：{status}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="616"/>
        <source>Sale {number} completed.</source>
        <translation>销售 {number} 已完成。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="648"/>
        <source>An order was left unfinished: {summary} (saved {when}).</source>
        <translation>有一个订单未录完：{summary}（保存于 {when}）。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="651"/>
        <source>&amp;Open it</source>
        <translation>打开它(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="653"/>
        <source>{n} orders were left unfinished; the newest: {summary} (saved {when}).</source>
        <translation>有 {n} 个订单未录完；最新的一个：{summary}（保存于 {when}）。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="656"/>
        <source>&amp;Open one…</source>
        <translation>打开一个(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="691"/>
        <source>{number} is {status} now and can no longer be edited; the unfinished changes stay listed until you discard them.</source>
        <translation>{number} 现在是“{status}”，已不能编辑；未完成的修改会一直列出，直到你放弃它们。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="705"/>
        <source>Discard unfinished orders?</source>
        <translation>放弃未录完的订单？</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/orders_screen.py" line="706"/>
        <source>Throw away {n} unfinished orders? What was typed in them is lost.</source>
        <translation>丢弃 {n} 个未录完的订单？其中输入的内容将丢失。</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="93"/>
        <source>Open unfinished &amp;order</source>
        <translation>打开未录完的订单(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="96"/>
        <source>Carry on with an order that was being typed (Alt+O)</source>
        <translation>继续录入之前未录完的订单 (Alt+O)</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="103"/>
        <source>Discard…</source>
        <translation>放弃…</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="106"/>
        <source>Throw away the unfinished orders listed</source>
        <translation>丢弃列出的未录完订单</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="116"/>
        <source>Find: order number, customer, phone, SKU or barcode (Ctrl+F)</source>
        <translation>查找：订单号、客户、电话、货号或条码 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="128"/>
        <source>Finds an order by its number, the customer&apos;s name, a phone number in any format, a SKU or a barcode (Ctrl+F)</source>
        <translation>可按订单号、客户姓名、任意格式的电话号码、货号或条码查找订单 (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="137"/>
        <source>Show orders in this status</source>
        <translation>显示此状态的订单</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="144"/>
        <source>Show orders that came this way</source>
        <translation>显示来自此渠道的订单</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="151"/>
        <source>Show orders placed in this period</source>
        <translation>显示此期间下的订单</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="164"/>
        <source>First day</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="177"/>
        <source>Last day</source>
        <translation>结束日期</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="184"/>
        <source>Urgent or normal orders only</source>
        <translation>只看加急或普通订单</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="191"/>
        <source>O&amp;verdue only</source>
        <translation>只看逾期(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/order_screen.ui" line="194"/>
        <source>Only orders past their due time that have not shipped (Alt+V)</source>
        <translation>只显示已过截止时间且尚未发货的订单（Alt+V）</translation>
    </message>
</context>
<context>
    <name>OverrideDialog</name>
    <message>
        <location filename="../../orderapp/gui/packing_dialogs.py" line="153"/>
        <source>Pack without full check</source>
        <translation>未完整核对即打包</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_dialogs.py" line="159"/>
        <source>Only {scanned} of {units} units of order {number} are scanned. Marking it packed now is recorded on the order with your name and your reason.</source>
        <translation>订单 {number} 共 {units} 件，只扫描了 {scanned} 件。现在标记为已打包，会连同你的名字和原因记录在订单上。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_dialogs.py" line="167"/>
        <source>Why? e.g. the label is torn, checked by eye</source>
        <translation>原因？例如：标签破损，已目测核对</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_dialogs.py" line="176"/>
        <source>Mark packed</source>
        <translation>标记为已打包</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_dialogs.py" line="193"/>
        <source>Say why the order is packed without scanning every item.</source>
        <translation>请说明为什么没有扫描每件商品就打包。</translation>
    </message>
</context>
<context>
    <name>OwnerPinDialog</name>
    <message>
        <location filename="../../orderapp/gui/staff_dialogs.py" line="151"/>
        <source>Owner&apos;s approval</source>
        <translation>店主批准</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_dialogs.py" line="152"/>
        <source>Only the owner can {what}. An owner can approve it here with their PIN.</source>
        <translation>只有店主可以{what}。店主可在此输入 PIN 批准。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_dialogs.py" line="157"/>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
</context>
<context>
    <name>PackHistoryModel</name>
    <message>
        <location filename="../../orderapp/gui/packing_history.py" line="119"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_history.py" line="120"/>
        <source>Packer</source>
        <translation>打包员</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_history.py" line="121"/>
        <source>Station</source>
        <translation>工位</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_history.py" line="122"/>
        <source>Started</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_history.py" line="123"/>
        <source>Ended</source>
        <translation>结束</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_history.py" line="124"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_history.py" line="125"/>
        <source>Video</source>
        <translation>视频</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_history.py" line="158"/>
        <source>packed</source>
        <translation>已打包</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_history.py" line="159"/>
        <source>overridden</source>
        <translation>未完整核对即打包</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_history.py" line="160"/>
        <source>left</source>
        <translation>已暂停</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_history.py" line="161"/>
        <source>being packed</source>
        <translation>打包中</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_history.py" line="166"/>
        <source>video</source>
        <translation>有视频</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_history.py" line="167"/>
        <source>recording</source>
        <translation>录制中</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_history.py" line="168"/>
        <source>deleted</source>
        <translation>已删除</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_history.py" line="169"/>
        <source>no video</source>
        <translation>无视频</translation>
    </message>
</context>
<context>
    <name>PackLinesModel</name>
    <message>
        <location filename="../../orderapp/gui/packing_lines.py" line="60"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_lines.py" line="60"/>
        <source>Bin</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_lines.py" line="60"/>
        <source>Scanned</source>
        <translation>已扫描</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_lines.py" line="60"/>
        <source>Ordered</source>
        <translation>订购</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_lines.py" line="88"/>
        <source>{sku} · {name}: {scanned} of {ordered} scanned</source>
        <translation>{sku} · {name}：已扫描 {scanned} / {ordered}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_lines.py" line="92"/>
        <source>{name}, {scanned} of {ordered}</source>
        <translation>{name}，{scanned} / {ordered}</translation>
    </message>
</context>
<context>
    <name>PackingAlert</name>
    <message>
        <location filename="../../orderapp/gui/packing_dialogs.py" line="46"/>
        <source>Stop: check this item</source>
        <translation>停！请检查这件商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_dialogs.py" line="76"/>
        <source>I have dealt with it – continue</source>
        <translation>我已处理好 – 继续</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_dialogs.py" line="91"/>
        <source>Click the button or press Esc once the item is out of the box.</source>
        <translation>把商品从箱中取出后，点击按钮或按 Esc。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/packing_dialogs.py" line="109"/>
        <source>%n scan(s) made while this alert is up were not counted: scan them again afterwards.</source>
        <translation>
            <numerusform>警告显示期间有 %n 次扫描未计入：之后请重新扫描。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackingForm</name>
    <message>
        <location filename="../../ui/packing.ui" line="52"/>
        <source>To pack</source>
        <translation>待打包</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="55"/>
        <source>heading</source>
        <translation>heading</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="74"/>
        <source>Orders ready to pack, most urgent first. Double-click one, or scan its packing slip, to open it.</source>
        <translation>可打包的订单，最紧急的在前。双击一个订单，或扫描它的装箱单，即可打开。</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="111"/>
        <source>Camera</source>
        <translation>摄像头</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="133"/>
        <source>No order open</source>
        <translation>未打开订单</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="266"/>
        <source>Type a barcode or an order number, then press Enter</source>
        <translation>输入条码或订单号，然后按回车</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="291"/>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="307"/>
        <source>Mark the order packed although not every item was scanned; you must give a reason</source>
        <translation>未扫描全部商品也标记为已打包；必须填写原因</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="317"/>
        <source>Put the order back in the queue; what is scanned so far is kept</source>
        <translation>把订单放回队列；已扫描的内容会保留</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="327"/>
        <source>A chirp for a good scan and a buzz for a refused one</source>
        <translation>扫描成功时“嘀”一声，被拒绝时“嗡”一声</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="95"/>
        <source>&amp;Open order</source>
        <translation>打开订单(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="102"/>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="242"/>
        <source>&amp;Add to count</source>
        <translation>计入(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="276"/>
        <source>&amp;Enter code</source>
        <translation>输入代码(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="300"/>
        <source>&amp;Undo last scan</source>
        <translation>撤销上一次扫描(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="310"/>
        <source>&amp;Pack without full check…</source>
        <translation>未完整核对即打包(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="320"/>
        <source>&amp;Back to queue</source>
        <translation>放回队列(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/packing.ui" line="330"/>
        <source>&amp;Sound</source>
        <translation>声音(&amp;S)</translation>
    </message>
</context>
<context>
    <name>PackingHistoryDialog</name>
    <message>
        <location filename="../../orderapp/gui/packing_history.py" line="180"/>
        <source>Packing history</source>
        <translation>打包记录</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_history.py" line="185"/>
        <source>Order number, e.g. SO-000123 (empty: every order)</source>
        <translation>订单号，例如 SO-000123（留空：全部订单）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_history.py" line="187"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_history.py" line="200"/>
        <source>Pack sessions, newest first</source>
        <translation>打包记录，最新的在前</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_history.py" line="206"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_history.py" line="262"/>
        <source>Nothing has been packed at any station yet.</source>
        <translation>还没有任何工位打包过订单。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_history.py" line="270"/>
        <source>The packing history could not be read: {reason}</source>
        <translation>无法读取打包记录：{reason}</translation>
    </message>
</context>
<context>
    <name>PackingQueueTable</name>
    <message>
        <location filename="../../orderapp/gui/packing_queue_table.py" line="27"/>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_queue_table.py" line="27"/>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_queue_table.py" line="27"/>
        <source>Items</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_queue_table.py" line="40"/>
        <source>{number} (urgent)</source>
        <translation>{number}（加急）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_queue_table.py" line="45"/>
        <source>Waiting since {when}</source>
        <translation>等待自 {when}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_queue_table.py" line="47"/>
        <source>Due {when}</source>
        <translation>截止 {when}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_queue_table.py" line="49"/>
        <source>Open at {station}</source>
        <translation>已在 {station} 打开</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_queue_table.py" line="51"/>
        <source>Easy: one SKU, all of it in stock</source>
        <translation>简单：只有一个 SKU，库存充足</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_queue_table.py" line="53"/>
        <source>{number} (held)</source>
        <translation>{number}（已暂停）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_queue_table.py" line="55"/>
        <source>Held by a severe exception: resolve it on the Exceptions screen to pack it</source>
        <translation>有严重异常未解决，暂停打包：请先在“异常”页面处理</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_queue_table.py" line="59"/>
        <source>at {station}</source>
        <translation>在 {station}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_queue_table.py" line="63"/>
        <source>{customer} (VIP)</source>
        <translation>{customer}（VIP）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/packing_queue_table.py" line="69"/>
        <source>{scanned}/%n unit(s)</source>
        <translation>
            <numerusform>{scanned}/%n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/packing_queue_table.py" line="70"/>
        <source>%n unit(s)</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackingRecorder</name>
    <message>
        <location filename="../../orderapp/gui/evidence_recording.py" line="223"/>
        <source>The packing video could not be finished; its file is kept and is checked at the next start.</source>
        <translation>打包视频未能正常结束；文件已保留，下次启动时会检查。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_recording.py" line="228"/>
        <source>No packing video is recorded for this order: {reason}</source>
        <translation>此订单没有录制打包视频：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_recording.py" line="246"/>
        <source>● Recording {number}</source>
        <translation>● 正在录制 {number}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_recording.py" line="247"/>
        <source>A video of this order is being recorded (Settings &gt; Packing video).</source>
        <translation>正在录制此订单的视频（设置 &gt; 打包视频）。</translation>
    </message>
</context>
<context>
    <name>PackingScreen</name>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="232"/>
        <source>Take back the last item counted ({shortcut})</source>
        <translation>撤回上一件计入的商品 ({shortcut})</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="280"/>
        <source>{number} resumed where you left off: {scanned} of {units} scanned.</source>
        <translation>{number} 已从上次中断处继续：已扫描 {scanned} / {units}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="288"/>
        <source>No order open</source>
        <translation>未打开订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="291"/>
        <source>Scan an order&apos;s packing slip, or choose an order from the list.</source>
        <translation>扫描订单的装箱单，或从列表中选择一个订单。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="303"/>
        <source>URGENT</source>
        <translation>加急</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="307"/>
        <location filename="../../orderapp/gui/packing_screen.py" line="561"/>
        <source>Scan the items of {number}.</source>
        <translation>请扫描 {number} 的商品。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="336"/>
        <source>{product}: how many more are in the box?</source>
        <translation>{product}：箱里还有多少件？</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="415"/>
        <source>That did not work ({kind}); nothing was counted. Try again.</source>
        <translation>操作未成功（{kind}）；没有计数。请重试。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="496"/>
        <source>Type the digits under the barcode, or the order number on the slip.</source>
        <translation>输入条码下方的数字，或装箱单上的订单号。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="538"/>
        <source>Already complete</source>
        <translation>已经齐了</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="539"/>
        <source>Not on this order</source>
        <translation>不在此订单中</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="540"/>
        <source>Unknown barcode</source>
        <translation>未知条码</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="541"/>
        <source>Misread barcode</source>
        <translation>条码读错</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="543"/>
        <source>Check this item</source>
        <translation>请检查这件商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="573"/>
        <source>{number} is packed.</source>
        <translation>{number} 已打包。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="575"/>
        <source>Next: {number}. Scan its slip or press Open next.</source>
        <translation>下一个：{number}。扫描它的装箱单，或按“打开下一个”。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="579"/>
        <source>No more orders are waiting.</source>
        <translation>没有等待打包的订单了。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="691"/>
        <source>{number} is marked packed without full check; your reason is on the order.</source>
        <translation>{number} 已在未完整核对的情况下标记为已打包；你的原因已记录在订单上。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="695"/>
        <source>Next: {number}.</source>
        <translation>下一个：{number}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="706"/>
        <source>The order could not be marked packed; try again.</source>
        <translation>无法将订单标记为已打包；请重试。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="712"/>
        <source>Order open at another station</source>
        <translation>订单已在其他打包台打开</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="718"/>
        <source>Open it here</source>
        <translation>在这里打开</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="719"/>
        <source>Leave it</source>
        <translation>不打开</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="746"/>
        <source>{count} waiting</source>
        <translation>{count} 个等待中</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="758"/>
        <source>The list could not be loaded ({reason}).</source>
        <translation>无法加载列表（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="545"/>
        <source>Case too big</source>
        <translation>整箱数量过多</translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/packing_screen.py" line="565"/>
        <source>%n scan(s) made while the alert was up were not counted: scan those items again.</source>
        <translation>
            <numerusform>警告显示期间有 %n 次扫描未计入：请重新扫描这些商品。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/packing_screen.py" line="316"/>
        <source>{scanned} / %n unit(s)</source>
        <translation>
            <numerusform>{scanned} / %n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_screen.py" line="576"/>
        <source>Open &amp;next: {number}</source>
        <translation>打开下一个(&amp;N)：{number}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="457"/>
        <source>Returns…</source>
        <translation>退货…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_history.py" line="277"/>
        <source>History…</source>
        <translation>记录…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_history.py" line="278"/>
        <source>Packing history: recent pack sessions and their videos</source>
        <translation>打包记录：最近的打包及其视频</translation>
    </message>
</context>
<context>
    <name>PaperPage</name>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="210"/>
        <source>Paper for packing slips</source>
        <translation>装箱单纸张</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="211"/>
        <source>What your printer holds. Pick lists and reports can use another size.</source>
        <translation>选择打印机里放的纸。拣货单和报表可以用别的尺寸。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="215"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="215"/>
        <source>Letter</source>
        <translation>Letter（美式信纸）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="215"/>
        <source>4×6 in shipping label</source>
        <translation>4×6 英寸快递标签</translation>
    </message>
</context>
<context>
    <name>PlayVideoButton</name>
    <message>
        <location filename="../../orderapp/gui/evidence_button.py" line="24"/>
        <source>Play packing video</source>
        <translation>播放打包视频</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_button.py" line="37"/>
        <source>Choose an order first.</source>
        <translation>请先选择一个订单。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_button.py" line="39"/>
        <source>Looking for a video of order {number}…</source>
        <translation>正在查找订单 {number} 的视频…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_button.py" line="53"/>
        <source>The video of order {number} was deleted.</source>
        <translation>订单 {number} 的视频已被删除。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_button.py" line="55"/>
        <source>Order {number} has no packing video.</source>
        <translation>订单 {number} 没有打包视频。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/evidence_button.py" line="60"/>
        <source>The packing videos could not be read.</source>
        <translation>无法读取打包视频。</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="113"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="113"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="113"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="113"/>
        <source>What happens</source>
        <translation>处理方式</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="138"/>
        <source>New product</source>
        <translation>新商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="141"/>
        <source>Update: {changed}</source>
        <translation>更新：{changed}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="143"/>
        <source>Unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="144"/>
        <source>Not imported: has a problem</source>
        <translation>不导入：有问题</translation>
    </message>
</context>
<context>
    <name>PrintPreview</name>
    <message>
        <location filename="../../orderapp/gui/print_preview.py" line="109"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/print_preview.py" line="189"/>
        <source>The PDF could not be read for printing.</source>
        <translation>无法读取要打印的 PDF。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/print_preview.py" line="194"/>
        <source>The printer could not be started; check that it is switched on and try again.</source>
        <translation>无法启动打印机；请检查打印机是否已开机，然后重试。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/print_preview.py" line="275"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/print_preview.py" line="278"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/print_preview.py" line="281"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/print_preview.py" line="331"/>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/print_preview.py" line="346"/>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/print_preview.py" line="352"/>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/print_preview.py" line="352"/>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/print_preview.py" line="363"/>
        <source>The PDF was not saved</source>
        <translation>PDF 未保存</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="167"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="167"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="167"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="176"/>
        <source>file</source>
        <translation>文件</translation>
    </message>
</context>
<context>
    <name>ProductAdjustForm</name>
    <message>
        <location filename="../../ui/product_adjust.ui" line="37"/>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/product_adjust.ui" line="53"/>
        <source>&amp;Units</source>
        <translation>数量(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/product_adjust.ui" line="82"/>
        <source>Re&amp;ference</source>
        <translation>单据号(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/product_adjust.ui" line="98"/>
        <source>Optional, e.g. a damage report number</source>
        <translation>选填，例如报损单号</translation>
    </message>
    <message>
        <location filename="../../ui/product_adjust.ui" line="118"/>
        <source>&amp;Note</source>
        <translation>备注(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/product_adjust.ui" line="131"/>
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <location filename="../../ui/product_adjust.ui" line="188"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/product_adjust.ui" line="195"/>
        <source>&amp;Adjust</source>
        <translation>调整(&amp;A)</translation>
    </message>
</context>
<context>
    <name>ProductEntry</name>
    <message>
        <location filename="../../orderapp/gui/order_products.py" line="112"/>
        <source>Several products match “{text}”; pick one from the list.</source>
        <translation>有多个商品匹配“{text}”；请从列表中选择一个。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_products.py" line="116"/>
        <source>No product has the SKU or barcode “{code}”; check it, or search by name.</source>
        <translation>没有商品的货号或条码是“{code}”；请检查，或按名称搜索。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_products.py" line="120"/>
        <source>The scanned code “{code}” is not in the catalogue; check the product.</source>
        <translation>扫描到的代码“{code}”不在商品目录中；请检查该商品。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_products.py" line="126"/>
        <source>“{name}” is no longer sold; choose another product.</source>
        <translation>“{name}”已停售；请选择其他商品。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/order_products.py" line="168"/>
        <source>{sku} · {name} · {price} · {available} available</source>
        <translation>{sku} · {name} · {price} · 可用 {available}</translation>
    </message>
</context>
<context>
    <name>ProductExport</name>
    <message>
        <location filename="../../orderapp/gui/product_export_dialog.py" line="73"/>
        <source>CSV, UTF-8 (opens in Excel, Chinese intact) (*.csv)</source>
        <translation>CSV，UTF-8（可在 Excel 中打开，中文不乱码） (*.csv)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_export_dialog.py" line="74"/>
        <source>CSV, GB18030 (older Excel on a Chinese Windows) (*.csv)</source>
        <translation>CSV，GB18030（中文 Windows 上的旧版 Excel） (*.csv)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_export_dialog.py" line="77"/>
        <location filename="../../orderapp/gui/product_export_dialog.py" line="97"/>
        <source>Export products</source>
        <translation>导出商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_export_dialog.py" line="90"/>
        <source>Exporting products…</source>
        <translation>正在导出商品…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_export_dialog.py" line="91"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
</context>
<context>
    <name>ProductForm</name>
    <message>
        <location filename="../../ui/product_form.ui" line="40"/>
        <source>S&amp;KU</source>
        <translation>货号(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="56"/>
        <source>Your own code for it, e.g. TEA-001</source>
        <translation>你自己的商品编码，例如 TEA-001</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="76"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="89"/>
        <source>As customers and staff know it</source>
        <translation>顾客和店员熟悉的叫法</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="109"/>
        <source>&amp;Category</source>
        <translation>分类(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="122"/>
        <source>e.g. Tea</source>
        <translation>例如 茶叶</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="142"/>
        <source>&amp;Location</source>
        <translation>库位(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="155"/>
        <source>Shelf or bin, e.g. A-03-2</source>
        <translation>货架或货位，例如 A-03-2</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="175"/>
        <source>&amp;Unit</source>
        <translation>单位(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="188"/>
        <source>e.g. box, bag, piece</source>
        <translation>例如 盒、袋、件</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="208"/>
        <source>&amp;Price</source>
        <translation>售价(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="221"/>
        <source>Selling price, e.g. 12.50</source>
        <translation>销售价格，例如 12.50</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="241"/>
        <source>C&amp;ost</source>
        <translation>成本(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="254"/>
        <source>What you pay for it, e.g. 8.00</source>
        <translation>你的进货价，例如 8.00</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="274"/>
        <source>Reo&amp;rder point</source>
        <translation>补货点(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="287"/>
        <source>Reorder when available falls to this</source>
        <translation>可用数量降到此值时补货</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="307"/>
        <source>Reorder &amp;quantity</source>
        <translation>补货数量(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="320"/>
        <source>How many to order then</source>
        <translation>届时订购多少</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="340"/>
        <source>Acti&amp;ve (can be sold and counted)</source>
        <translation>启用(&amp;V)（可销售和盘点）</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="352"/>
        <source>Barcodes</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="378"/>
        <source>Add &amp;barcode</source>
        <translation>添加条码(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="385"/>
        <source>A case barcode counts as its pack quantity when scanned. A product saved without a barcode gets an in-store code (starting 20).</source>
        <translation>扫描整箱条码时按其装箱数量计数。没有条码的商品保存时会自动获得一个店内码（以 20 开头）。</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="441"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/product_form.ui" line="448"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>ProductFormDialog</name>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="251"/>
        <source>Discard changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="253"/>
        <source>Your changes to this product have not been saved. Discard them?</source>
        <translation>对这个商品的修改还没有保存。要放弃吗？</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="255"/>
        <source>This new product has not been saved. Discard it?</source>
        <translation>这个新商品还没有保存。要放弃吗？</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="257"/>
        <source>&amp;Discard</source>
        <translation>放弃(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="259"/>
        <source>&amp;Keep editing</source>
        <translation>继续编辑(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="290"/>
        <location filename="../../orderapp/gui/product_form.py" line="291"/>
        <source>New product</source>
        <translation>新商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="292"/>
        <source>Stock starts at 0; receive a delivery to add units.</source>
        <translation>库存从 0 开始；收货入库即可增加数量。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="298"/>
        <source>Product {sku}</source>
        <translation>商品 {sku}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="302"/>
        <source>On hand {on_hand} · reserved {reserved} · available {available}. Stock changes through receiving, adjusting and counts, not here.</source>
        <translation>在库 {on_hand} · 预留 {reserved} · 可用 {available}。库存只能通过入库、调整和盘点改变，不能在这里修改。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="439"/>
        <source>The product could not be checked: {reason}</source>
        <translation>无法检查商品：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="485"/>
        <source>Fix the fields marked in red first.</source>
        <translation>请先修正标红的字段。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="550"/>
        <source>The product was not saved: {reason}</source>
        <translation>商品未保存：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_form.py" line="568"/>
        <source>Not saved: {reason}</source>
        <translation>未保存：{reason}</translation>
    </message>
</context>
<context>
    <name>ProductHistoryForm</name>
    <message>
        <location filename="../../ui/product_history.ui" line="70"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>ProductImportDialog</name>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="201"/>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="271"/>
        <source>Import products</source>
        <translation>导入商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="231"/>
        <source>Recognise the encoding</source>
        <translation>自动识别编码</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="232"/>
        <source>UTF-8</source>
        <translation>UTF-8</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="233"/>
        <source>UTF-8 with BOM</source>
        <translation>UTF-8（带 BOM）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="234"/>
        <source>GB18030 / GBK (Excel on a Chinese Windows)</source>
        <translation>GB18030 / GBK（中文 Windows 上的 Excel）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="235"/>
        <source>UTF-16</source>
        <translation>UTF-16</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="246"/>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="246"/>
        <source>Product field</source>
        <translation>商品字段</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="264"/>
        <source>Choose the file to import.</source>
        <translation>请选择要导入的文件。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="271"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="294"/>
        <source>Reading the file…</source>
        <translation>正在读取文件…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="310"/>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="314"/>
        <source>Ignore this column</source>
        <translation>忽略此列</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="384"/>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="384"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="396"/>
        <source>Writing %v of %m</source>
        <translation>正在写入 %v / %m</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="398"/>
        <source>Checking row %v of %m</source>
        <translation>正在检查第 %v / %m 行</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="407"/>
        <source>Problems ({count})</source>
        <translation>问题（{count}）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="408"/>
        <source>Rows ({count})</source>
        <translation>行（{count}）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="425"/>
        <source>Nothing has been written yet. Import would add {new} new products and update {updated}; {unchanged} are unchanged.</source>
        <translation>尚未写入任何内容。导入将新增 {new} 个商品，更新 {updated} 个；{unchanged} 个不变。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="430"/>
        <source>{problems} problem(s) in {skipped} row(s): fix them in the file and choose it again, or tick “Import the valid rows only”.</source>
        <translation>{skipped} 行中有 {problems} 个问题：请在文件中修正后重新选择，或勾选“只导入有效的行”。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="434"/>
        <source>Ignored columns: {columns}.</source>
        <translation>忽略的列：{columns}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="443"/>
        <source>Stopped; nothing was written.</source>
        <translation>已停止；没有写入任何内容。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="451"/>
        <source>The import failed: {reason}</source>
        <translation>导入失败：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="473"/>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="74"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="75"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="76"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="77"/>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="78"/>
        <source>Unit</source>
        <translation>单件</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="79"/>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="80"/>
        <source>Cost</source>
        <translation>成本</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="81"/>
        <source>Reorder point</source>
        <translation>补货点</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="82"/>
        <source>Reorder quantity</source>
        <translation>补货数量</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="83"/>
        <source>Barcodes (unit)</source>
        <translation>条码（单件）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="84"/>
        <source>Case barcodes</source>
        <translation>整箱条码</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="85"/>
        <source>Units per case</source>
        <translation>每箱件数</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="86"/>
        <source>In-store barcodes</source>
        <translation>店内码</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_import_dialog.py" line="87"/>
        <source>Active (yes/no)</source>
        <translation>启用（是/否）</translation>
    </message>
</context>
<context>
    <name>ProductImportForm</name>
    <message>
        <location filename="../../ui/product_import.ui" line="9"/>
        <source>Choose a CSV file (an exported product list is the template). Nothing is written until you press Import, and nothing at all while the file has problems, unless you choose to import the valid rows only.</source>
        <translation>选择一个 CSV 文件（导出的商品列表即是模板）。按“导入”之前不会写入任何内容；文件有问题时也不会写入，除非你选择只导入有效的行。</translation>
    </message>
    <message>
        <location filename="../../ui/product_import.ui" line="24"/>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <location filename="../../ui/product_import.ui" line="31"/>
        <source>How the file&apos;s text is encoded</source>
        <translation>文件文本的编码方式</translation>
    </message>
    <message>
        <location filename="../../ui/product_import.ui" line="38"/>
        <source>&amp;Choose file…</source>
        <translation>选择文件(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/product_import.ui" line="47"/>
        <source>Which product field each column of the file holds (Ignore skips a column):</source>
        <translation>文件中每一列对应哪个商品字段（选“忽略”即跳过该列）：</translation>
    </message>
    <message>
        <location filename="../../ui/product_import.ui" line="92"/>
        <source>&amp;Rows</source>
        <translation>行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/product_import.ui" line="106"/>
        <source>Pro&amp;blems</source>
        <translation>问题(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/product_import.ui" line="114"/>
        <source>Import the &amp;valid rows only, and skip the rows with problems</source>
        <translation>只导入有效的行，跳过有问题的行(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/product_import.ui" line="130"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/product_import.ui" line="154"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/product_import.ui" line="161"/>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
</context>
<context>
    <name>ProductListForm</name>
    <message>
        <location filename="../../ui/product_list.ui" line="21"/>
        <source>Inventory</source>
        <translation>库存</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="38"/>
        <source>&amp;Products</source>
        <translation>商品(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="47"/>
        <source>Search SKU, name or barcode (or scan)</source>
        <translation>搜索货号、名称或条码（或扫描）</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="56"/>
        <source>Only products of this category</source>
        <translation>只看此分类的商品</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="66"/>
        <source>Only products in this location and the bins under it (A finds A-03-2)</source>
        <translation>只看此库位及其下货位的商品（A 可找到 A-03-2）</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="76"/>
        <source>&amp;Low stock only</source>
        <translation>只看库存不足(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="107"/>
        <source>&amp;New product…</source>
        <translation>新建商品(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="114"/>
        <source>&amp;Receive delivery…</source>
        <translation>收货入库(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="121"/>
        <source>&amp;Import…</source>
        <translation>导入(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="128"/>
        <source>E&amp;xport…</source>
        <translation>导出(&amp;X)…</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="208"/>
        <source>On hand</source>
        <translation>在库</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="215"/>
        <source>Reserved</source>
        <translation>预留</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="222"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="293"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="300"/>
        <source>Recei&amp;ve stock…</source>
        <translation>入库(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="307"/>
        <source>&amp;Adjust stock…</source>
        <translation>调整库存(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="314"/>
        <source>&amp;Movement history…</source>
        <translation>变动记录(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="321"/>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="328"/>
        <source>Dele&amp;te</source>
        <translation>删除(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="366"/>
        <source>Re&amp;order list</source>
        <translation>补货清单(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="374"/>
        <source>Products at or below their reorder point, emptiest first, with how many to order (rounded up to whole cases).</source>
        <translation>不高于补货点的商品，最缺的在前，并列出应订购的数量（按整箱向上取整）。</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="384"/>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/product_list.ui" line="391"/>
        <source>Export &amp;CSV…</source>
        <translation>导出 CSV(&amp;C)…</translation>
    </message>
</context>
<context>
    <name>ProductReceiveForm</name>
    <message>
        <location filename="../../ui/product_receive.ui" line="9"/>
        <source>Scan each item or case, or type its barcode or SKU and press Enter. Change a quantity in the list when you count by hand.</source>
        <translation>逐件或逐箱扫描，或输入条码或货号后按回车。手工点数时可直接修改列表中的数量。</translation>
    </message>
    <message>
        <location filename="../../ui/product_receive.ui" line="24"/>
        <source>Scan, or type a barcode or SKU and press Enter</source>
        <translation>扫描，或输入条码或货号后按回车</translation>
    </message>
    <message>
        <location filename="../../ui/product_receive.ui" line="31"/>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/product_receive.ui" line="87"/>
        <source>Supplier re&amp;ference</source>
        <translation>供应商单号(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/product_receive.ui" line="103"/>
        <source>Delivery note or invoice number</source>
        <translation>送货单号或发票号</translation>
    </message>
    <message>
        <location filename="../../ui/product_receive.ui" line="123"/>
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/product_receive.ui" line="136"/>
        <source>Optional</source>
        <translation>选填</translation>
    </message>
    <message>
        <location filename="../../ui/product_receive.ui" line="180"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/product_receive.ui" line="190"/>
        <source>&amp;Receive</source>
        <translation>入库(&amp;R)</translation>
    </message>
</context>
<context>
    <name>ProductTableModel</name>
    <message>
        <location filename="../../orderapp/gui/product_table.py" line="219"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_table.py" line="220"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_table.py" line="221"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_table.py" line="222"/>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_table.py" line="223"/>
        <source>Price</source>
        <translation>售价</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_table.py" line="224"/>
        <source>On hand</source>
        <translation>在库</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_table.py" line="225"/>
        <source>Reserved</source>
        <translation>预留</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_table.py" line="226"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_table.py" line="227"/>
        <source>Barcode</source>
        <translation>条码</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_table.py" line="242"/>
        <source>Inactive: not sold, kept for its history</source>
        <translation>已停用：不再销售，为保留历史记录而保存</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_table.py" line="244"/>
        <source>At or below the reorder point ({point})</source>
        <translation>不高于补货点（{point}）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/product_table.py" line="253"/>
        <source>{name} (inactive)</source>
        <translation>{name}（已停用）</translation>
    </message>
</context>
<context>
    <name>QueueSortSelector</name>
    <message>
        <location filename="../../orderapp/gui/packing_queue_sort.py" line="39"/>
        <source>Sort:</source>
        <translation>排序：</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_queue_sort.py" line="44"/>
        <source>The order of the queue on busy days. The shop&apos;s choice: every packing station follows it.</source>
        <translation>忙碌时队列的排列顺序。这是店铺的设置：每个打包台都按此排序。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_queue_sort.py" line="89"/>
        <source>The sort could not be saved ({reason}).</source>
        <translation>排序方式无法保存（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/packing_queue_sort.py" line="111"/>
        <source>Orders ready to pack. {sort} Double-click one, or scan its packing slip, to open it.</source>
        <translation>待打包的订单。{sort}双击订单或扫描其装箱单即可打开。</translation>
    </message>
</context>
<context>
    <name>ReceiveDialog</name>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="85"/>
        <source>Receive stock</source>
        <translation>收货入库</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="118"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="118"/>
        <source>Units received</source>
        <translation>入库数量</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="118"/>
        <source>On hand now</source>
        <translation>当前在库</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="145"/>
        <source>Scan a barcode, or type a barcode or SKU and press Enter.</source>
        <translation>扫描条码，或输入条码或货号后按回车。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="182"/>
        <source>No product has the code {code}. Check that it was read right, or add the code to its product first.</source>
        <translation>没有商品使用代码 {code}。请检查是否读对，或先把该代码添加到对应商品。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="189"/>
        <source> (a case of {units})</source>
        <translation>（一箱 {units} 件）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="191"/>
        <source>{name}: {qty} units{case}</source>
        <translation>{name}：{qty} 件{case}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="192"/>
        <source>inactive product</source>
        <translation>已停用的商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="226"/>
        <source>{on_hand} (available {available})</source>
        <translation>{on_hand}（可用 {available}）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="232"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/stock_dialogs.py" line="249"/>
        <source>%n products</source>
        <translation>
            <numerusform>%n 个商品</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="251"/>
        <source>{products}, {units} in all</source>
        <translation>共 {products}，{units}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/stock_dialogs.py" line="251"/>
        <source>%n units</source>
        <translation>
            <numerusform>%n 件</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_dialogs.py" line="307"/>
        <source>Nothing was received: {reason}</source>
        <translation>未入库：{reason}</translation>
    </message>
</context>
<context>
    <name>RecordingSettingsGroup</name>
    <message>
        <location filename="../../orderapp/gui/settings_recording.py" line="49"/>
        <source>Packing video</source>
        <translation>打包视频</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_recording.py" line="51"/>
        <source>Record a video of every order while it is packed</source>
        <translation>打包每个订单时录制视频</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_recording.py" line="56"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_recording.py" line="61"/>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_recording.py" line="62"/>
        <source>until the size limit</source>
        <translation>直到容量上限</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_recording.py" line="78"/>
        <source>Save video settings</source>
        <translation>保存视频设置</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_recording.py" line="86"/>
        <source>Folder for videos</source>
        <translation>视频文件夹</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_recording.py" line="87"/>
        <source>Keep videos for</source>
        <translation>视频保留</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_recording.py" line="88"/>
        <source>Keep at most</source>
        <translation>最多保留</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_recording.py" line="89"/>
        <source>Always leave free</source>
        <translation>始终保留剩余空间</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_recording.py" line="116"/>
        <source>Packing videos now take {size:.2f} GB.</source>
        <translation>打包视频目前占用 {size:.2f} GB。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_recording.py" line="130"/>
        <source>Folder for packing videos</source>
        <translation>打包视频文件夹</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_recording.py" line="146"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_recording.py" line="154"/>
        <source>The video settings could not be saved; try again.</source>
        <translation>视频设置未能保存；请重试。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_recording.py" line="158"/>
        <source>The video settings could not be read; open Settings again.</source>
        <translation>无法读取视频设置；请重新打开设置。</translation>
    </message>
</context>
<context>
    <name>RegionPage</name>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="160"/>
        <source>Money, time and language</source>
        <translation>货币、时间和语言</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="161"/>
        <source>Prices are in the shop&apos;s currency; &quot;today&quot; in reports is a day in its time zone.</source>
        <translation>价格使用店铺的货币；报表中的&quot;今天&quot;按店铺所在时区计算。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="178"/>
        <source>Currency</source>
        <translation>货币</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="179"/>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="181"/>
        <source>Language of the window</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="196"/>
        <source>Choose a time zone from the list, e.g. Asia/Shanghai.</source>
        <translation>请从列表中选择时区，例如 Asia/Shanghai。</translation>
    </message>
</context>
<context>
    <name>ReorderList</name>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="42"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="43"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="44"/>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="45"/>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="46"/>
        <source>On hand</source>
        <translation>在库</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="47"/>
        <source>Reserved</source>
        <translation>预留</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="48"/>
        <source>Available</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="49"/>
        <source>Reorder point</source>
        <translation>补货点</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="50"/>
        <source>Reorder qty</source>
        <translation>补货数量</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="51"/>
        <source>Units per case</source>
        <translation>每箱件数</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="52"/>
        <source>Order</source>
        <translation>建议订购</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="66"/>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="74"/>
        <source>{units} ({cases} cases)</source>
        <translation>{units}（{cases} 箱）</translation>
    </message>
    <message numerus="yes">
        <location filename="../../orderapp/gui/stock_reorder.py" line="85"/>
        <source>%n products to reorder.</source>
        <translation>
            <numerusform>%n 个商品需要补货。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="87"/>
        <source>Nothing to reorder: every product is above its reorder point.</source>
        <translation>无需补货：所有商品都高于补货点。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="94"/>
        <source>Export the reorder list</source>
        <translation>导出补货清单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="94"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="101"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_reorder.py" line="110"/>
        <source>{rows} products written to {path}.</source>
        <translation>已将 {rows} 个商品写入 {path}。</translation>
    </message>
</context>
<context>
    <name>ReportsForm</name>
    <message>
        <location filename="../../ui/reports.ui" line="17"/>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="26"/>
        <source>heading</source>
        <translation>heading</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="34"/>
        <source>Daily summary</source>
        <translation>每日汇总</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="42"/>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="55"/>
        <source>The shop&apos;s local day to sum up</source>
        <translation>要汇总的店铺当地日期</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="62"/>
        <source>◀ Day before</source>
        <translation>◀ 前一天</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="69"/>
        <source>Day after ▶</source>
        <translation>后一天 ▶</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="76"/>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="96"/>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="99"/>
        <source>See the printed summary</source>
        <translation>查看打印出的汇总</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="106"/>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="109"/>
        <source>Print the summary with the system&apos;s print dialog</source>
        <translation>用系统打印对话框打印汇总</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="116"/>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="131"/>
        <location filename="../../ui/reports.ui" line="292"/>
        <location filename="../../ui/reports.ui" line="376"/>
        <location filename="../../ui/reports.ui" line="473"/>
        <source>error</source>
        <translation>error</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="171"/>
        <source>Sales by hour (net)</source>
        <translation>每小时销售额（净额）</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="174"/>
        <location filename="../../ui/reports.ui" line="194"/>
        <source>subheading</source>
        <translation>subheading</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="191"/>
        <source>Top 10 products</source>
        <translation>销量前 10 的商品</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="219"/>
        <source>Slips, pick lists and labels</source>
        <translation>装箱单、拣货单和标签</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="225"/>
        <source>Packing slips and pick lists</source>
        <translation>装箱单和拣货单</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="231"/>
        <source>Every order that is</source>
        <translation>所有订单，状态为</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="241"/>
        <source>Make slips…</source>
        <translation>生成装箱单…</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="244"/>
        <source>Slips for every order in this status, in one PDF</source>
        <translation>为此状态的所有订单生成装箱单，合并为一个 PDF</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="251"/>
        <source>Order numbers</source>
        <translation>订单号</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="258"/>
        <source>e.g. SO-000123, SO-000124</source>
        <translation>例如 SO-000123, SO-000124</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="270"/>
        <source>Slips for these orders…</source>
        <translation>为这些订单生成装箱单…</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="277"/>
        <source>Pick list for these orders…</source>
        <translation>为这些订单生成拣货单…</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="302"/>
        <source>Product and shelf labels</source>
        <translation>商品和货架标签</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="308"/>
        <source>SKUs</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="315"/>
        <source>e.g. TEA-000001, TEA-000002</source>
        <translation>例如 TEA-000001, TEA-000002</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="325"/>
        <source>Sheet</source>
        <translation>纸张</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="335"/>
        <source>Shelf labels (with the bin location)</source>
        <translation>货架标签（含库位）</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="344"/>
        <source>Copies</source>
        <translation>份数</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="363"/>
        <source>Make labels…</source>
        <translation>生成标签…</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="386"/>
        <source>How slips are printed</source>
        <translation>装箱单打印方式</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="392"/>
        <source>Slip paper</source>
        <translation>装箱单纸张</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="402"/>
        <source>Show prices (untick for gift slips)</source>
        <translation>显示价格（送礼时取消勾选）</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="409"/>
        <source>Lists and reports</source>
        <translation>清单和报表</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="447"/>
        <source>Slip footer</source>
        <translation>装箱单页脚</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="454"/>
        <source>e.g. your returns policy; printed at the foot of every slip</source>
        <translation>例如退货政策；打印在每张装箱单底部</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="490"/>
        <source>Save these settings</source>
        <translation>保存这些设置</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="421"/>
        <source>Paperwork language</source>
        <translation>单据语言</translation>
    </message>
    <message>
        <location filename="../../ui/reports.ui" line="431"/>
        <source>The language slips, pick lists, labels, count sheets and the daily summary are printed in</source>
        <translation>装箱单、拣货单、标签、盘点表和每日汇总打印所用的语言</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="219"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="219"/>
        <source>Units</source>
        <translation>数量</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="219"/>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="240"/>
        <source>Counting {day}…</source>
        <translation>正在统计 {day}…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="260"/>
        <source>{day}, in the shop&apos;s time zone ({zone}).</source>
        <translation>{day}，按店铺时区（{zone}）。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="266"/>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="268"/>
        <source>Day before
{day}</source>
        <translation>前一天
{day}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="269"/>
        <source>Week before
{day}</source>
        <translation>上周同日
{day}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="297"/>
        <source>Sales by hour (net, {currency})</source>
        <translation>每小时销售额（净额，{currency}）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="317"/>
        <source>The figures for {day} could not be counted ({reason}).</source>
        <translation>无法统计 {day} 的数据（{reason}）。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="337"/>
        <source>Daily summary {day}</source>
        <translation>每日汇总 {day}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="360"/>
        <source>A4, 3 × 8 labels (70 × 37 mm)</source>
        <translation>A4，3 × 8 标签（70 × 37 毫米）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="361"/>
        <source>Letter, Avery 5160 (30 labels)</source>
        <translation>Letter，Avery 5160（30 张标签）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="362"/>
        <source>Label printer, 50 × 30 mm</source>
        <translation>标签打印机，50 × 30 毫米</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="371"/>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="372"/>
        <source>A5</source>
        <translation>A5</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="373"/>
        <source>Letter</source>
        <translation>Letter（美式信纸）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="374"/>
        <source>4 × 6 in label</source>
        <translation>4 × 6 英寸标签</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="441"/>
        <source>Not saved: put right what is marked.</source>
        <translation>未保存：请修正标出的内容。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="470"/>
        <source>Packing slips: {status}</source>
        <translation>装箱单：{status}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="480"/>
        <source>Type one or more order numbers, e.g. SO-000123.</source>
        <translation>请输入一个或多个订单号，例如 SO-000123。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="492"/>
        <source>Packing slips</source>
        <translation>装箱单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="505"/>
        <source>Pick list</source>
        <translation>拣货单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="514"/>
        <source>Type one or more SKUs, e.g. TEA-000001.</source>
        <translation>请输入一个或多个货号，例如 TEA-000001。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="535"/>
        <source>Labels</source>
        <translation>标签</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="548"/>
        <source>Making {title}…</source>
        <translation>正在生成{title}…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="551"/>
        <source>Stopped; nothing was made.</source>
        <translation>已停止；没有生成任何内容。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="382"/>
        <source>As the window</source>
        <translation>与界面相同</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="383"/>
        <source>English</source>
        <translation>英文</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="384"/>
        <source>Chinese</source>
        <translation>中文</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="385"/>
        <source>English and Chinese</source>
        <translation>中英双语</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="430"/>
        <source>Saved. Paperwork is now printed this way.</source>
        <translation>已保存。单据今后按此打印。</translation>
    </message>
</context>
<context>
    <name>ReturnDialog</name>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="78"/>
        <source>Return from an order</source>
        <translation>订单退货</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="89"/>
        <source>Scan the packing slip, a return slip or an item, or type its number</source>
        <translation>扫描装箱单、退货单或商品，或输入编号</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="91"/>
        <source>Enter</source>
        <translation>确定</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="92"/>
        <source>Scan the packing slip or type the order number.</source>
        <translation>请扫描装箱单或输入订单号。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="99"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="100"/>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="101"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="102"/>
        <source>Returned before</source>
        <translation>此前已退</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="103"/>
        <source>Coming back</source>
        <translation>本次退回</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="104"/>
        <source>Condition</source>
        <translation>状况</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="117"/>
        <source>no refund</source>
        <translation>不退款</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="118"/>
        <source>Refund the value</source>
        <translation>按价值退款</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="120"/>
        <source>Send the same items again (exchange, at no charge)</source>
        <translation>重新寄出相同商品（换货，免费）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="123"/>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="124"/>
        <source>Return slip…</source>
        <translation>退货单…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="125"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="131"/>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="132"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="133"/>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="138"/>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="192"/>
        <source>{number} · {customer} · {status}</source>
        <translation>{number} · {customer} · {status}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="205"/>
        <source>Resellable</source>
        <translation>可再售</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="206"/>
        <source>Damaged (write off)</source>
        <translation>已损坏（报损）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="217"/>
        <source>paid {paid}, up to {left} can be refunded</source>
        <translation>已付 {paid}，最多可退 {left}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="244"/>
        <source>Units coming back: {units} · value {value}</source>
        <translation>本次退回：{units} 件 · 价值 {value}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="271"/>
        <source>Record or clear the items counted before opening another order.</source>
        <translation>请先登记或清除已计数的商品，再打开另一个订单。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="284"/>
        <source>No product has the code {code}; check the item.</source>
        <translation>没有商品使用条码 {code}；请核对该商品。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="296"/>
        <source>{item}: {units} counted.</source>
        <translation>{item}：已计 {units} 件。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="308"/>
        <location filename="../../orderapp/gui/return_dialog.py" line="403"/>
        <source>That did not work; nothing was changed. Try again.</source>
        <translation>操作未成功，没有任何更改。请重试。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="323"/>
        <source>Write the refund as an amount, e.g. 12.50.</source>
        <translation>请把退款写成金额，例如 12.50。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="326"/>
        <source>Count the items that come back, or enter a refund.</source>
        <translation>请清点退回的商品，或输入退款金额。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="379"/>
        <source>Return {number} recorded: {restocked} back in stock, {written_off} written off.</source>
        <translation>退货 {number} 已登记：{restocked} 件回库，{written_off} 件报损。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="383"/>
        <source>Refunded {amount}.</source>
        <translation>已退款 {amount}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="387"/>
        <source>Order {number} sends the exchange.</source>
        <translation>换货由订单 {number} 寄出。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="389"/>
        <source>Refund of {amount} recorded.</source>
        <translation>已登记退款 {amount}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_dialog.py" line="418"/>
        <source>Return slip {number}</source>
        <translation>退货单 {number}</translation>
    </message>
</context>
<context>
    <name>ReturnRecorder</name>
    <message>
        <location filename="../../orderapp/gui/return_recording.py" line="128"/>
        <source>● Recording the return of {number}</source>
        <translation>● 正在录制 {number} 的退货</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_recording.py" line="130"/>
        <source>A video of this parcel being opened is recorded (Settings &gt; Packing video).</source>
        <translation>正在录制此包裹拆包的视频（设置 &gt; 打包视频）。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_recording.py" line="193"/>
        <source>The return&apos;s video could not be finished; its file is kept and is checked at the next start.</source>
        <translation>退货视频无法正常结束；文件已保留，下次启动时会检查。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/return_recording.py" line="198"/>
        <source>No video is recorded for this return: {reason}</source>
        <translation>此退货没有录制视频：{reason}</translation>
    </message>
</context>
<context>
    <name>ReviewModel</name>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="196"/>
        <source>large difference</source>
        <translation>差异较大</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="198"/>
        <source>stock moved while counting</source>
        <translation>盘点期间库存有变动</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="199"/>
        <source>Recount: {reasons}</source>
        <translation>复盘：{reasons}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="210"/>
        <source>Check</source>
        <translation>标记</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="211"/>
        <source>Location</source>
        <translation>库位</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="212"/>
        <source>SKU</source>
        <translation>货号</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="213"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="214"/>
        <source>Counted</source>
        <translation>已盘</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="215"/>
        <source>Expected</source>
        <translation>应有</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="216"/>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="217"/>
        <source>Value</source>
        <translation>金额</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="218"/>
        <source>Round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="219"/>
        <source>On hand now</source>
        <translation>当前在库</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="242"/>
        <source>The first count is far from what the ledger expected, or stock moved while it was counted: count it again before posting.</source>
        <translation>首次盘点与账面应有数量相差很大，或盘点期间库存有变动：请在提交前重新盘点。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/count_lines.py" line="257"/>
        <source>not counted</source>
        <translation>未盘</translation>
    </message>
</context>
<context>
    <name>SalesByHourChart</name>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="78"/>
        <source>Busiest hour: {hour}:00, {amount}</source>
        <translation>最忙时段：{hour}:00，{amount}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/reports_screen.py" line="80"/>
        <location filename="../../orderapp/gui/reports_screen.py" line="133"/>
        <source>No sales this day</source>
        <translation>当天没有销售</translation>
    </message>
</context>
<context>
    <name>ScannerTestGroup</name>
    <message>
        <location filename="../../orderapp/gui/settings_scanner.py" line="44"/>
        <source>Test your scanner</source>
        <translation>测试扫码枪</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_scanner.py" line="50"/>
        <source>Press Start, then scan any barcode, e.g. a packing slip. You see what the USB scanner sent and whether OrderApp takes it as a scan. This setting is kept on this PC.</source>
        <translation>按“开始测试”，然后扫描任意条码（例如装箱单）。这里显示 USB 扫码枪发送的内容，以及 OrderApp 是否把它当作一次扫描。此设置保存在这台电脑上。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_scanner.py" line="68"/>
        <source>Received:</source>
        <translation>收到：</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_scanner.py" line="69"/>
        <source>Ends with:</source>
        <translation>结尾：</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_scanner.py" line="70"/>
        <source>Time between keys:</source>
        <translation>按键间隔：</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_scanner.py" line="71"/>
        <source>With this PC&apos;s setting:</source>
        <translation>按本机设置：</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_scanner.py" line="77"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_scanner.py" line="80"/>
        <source>&amp;Use the suggestion</source>
        <translation>采用建议值(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_scanner.py" line="56"/>
        <location filename="../../orderapp/gui/settings_scanner.py" line="125"/>
        <source>Start the test</source>
        <translation>开始测试</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_scanner.py" line="73"/>
        <source>Lon&amp;gest pause inside a scan:</source>
        <translation>一次扫描内最长停顿(&amp;G)：</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_scanner.py" line="119"/>
        <source>Stop the t&amp;est</source>
        <translation>停止测试(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_scanner.py" line="120"/>
        <source>Listening: scan a barcode now.</source>
        <translation>正在监听：请现在扫描条码。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_scanner.py" line="131"/>
        <source>Enter</source>
        <translation>回车</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_scanner.py" line="132"/>
        <source>Tab</source>
        <translation>Tab 键</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_scanner.py" line="133"/>
        <source>Enter and line feed (CR+LF)</source>
        <translation>回车加换行（CR+LF）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_scanner.py" line="134"/>
        <source>nothing (the pause ends the code)</source>
        <translation>无（停顿即结束）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_scanner.py" line="140"/>
        <source>{gaps} ms (longest {largest} ms)</source>
        <translation>{gaps} 毫秒（最长 {largest} 毫秒）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_scanner.py" line="148"/>
        <source>This looks like typing by hand, not a scanner (keys more than {most} ms apart).</source>
        <translation>这像是手工输入，而不是扫码枪（按键间隔超过 {most} 毫秒）。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_scanner.py" line="152"/>
        <source>taken as a scan ({setting} ms). Suggested: {suggested} ms.</source>
        <translation>会当作扫描（{setting} 毫秒）。建议：{suggested} 毫秒。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_scanner.py" line="157"/>
        <source>NOT taken as a scan: its keys come up to {largest} ms apart, more than {setting} ms. Use the suggestion: {suggested} ms.</source>
        <translation>不会当作扫描：按键间隔最长 {largest} 毫秒，超过 {setting} 毫秒。请采用建议值：{suggested} 毫秒。</translation>
    </message>
</context>
<context>
    <name>ServerGroup</name>
    <message>
        <location filename="../../orderapp/gui/settings_server.py" line="41"/>
        <source>Several PCs</source>
        <translation>多台电脑</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_server.py" line="49"/>
        <source>This shop is on the server {where}; every PC that opens it works on the same data.</source>
        <translation>本店的数据在服务器 {where} 上；打开它的每台电脑都使用同一份数据。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_server.py" line="56"/>
        <source>To work on several PCs, move this shop to a PostgreSQL server they can all reach. Everything is copied and counted; this file is kept as a backup.</source>
        <translation>要在多台电脑上使用，请把本店迁移到这些电脑都能访问的 PostgreSQL 服务器。所有数据都会复制并逐表核对行数；本文件会保留为备份。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_server.py" line="75"/>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_server.py" line="76"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_server.py" line="77"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_server.py" line="78"/>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_server.py" line="79"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_server.py" line="82"/>
        <source>Test the connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_server.py" line="84"/>
        <source>Move this shop to the ser&amp;ver…</source>
        <translation>把本店迁移到服务器(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_server.py" line="109"/>
        <source>Type the server&apos;s address and the database&apos;s name first.</source>
        <translation>请先输入服务器地址和数据库名称。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_server.py" line="123"/>
        <source>Trying the server…</source>
        <translation>正在连接服务器…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_server.py" line="128"/>
        <source>Reached {server}. You can move the shop there.</source>
        <translation>已连接 {server}。可以把本店迁移过去。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_server.py" line="147"/>
        <source>Move the shop to the server?</source>
        <translation>把本店迁移到服务器？</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_server.py" line="150"/>
        <source>Every order, product, customer and setting is copied to {server}. OrderApp then closes; open it again to work on the server. Other PCs open it with the same address.</source>
        <translation>所有订单、商品、客户和设置都会复制到 {server}。之后 OrderApp 会关闭；重新打开即可在服务器上工作。其他电脑用同一地址打开。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_server.py" line="154"/>
        <source>&amp;Move</source>
        <translation>迁移(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_server.py" line="164"/>
        <source>Moving the shop to the server… (do not close OrderApp)</source>
        <translation>正在把本店迁移到服务器…（请勿关闭 OrderApp）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_server.py" line="170"/>
        <source>Moved {rows} rows in {tables} tables to {server}; every table was counted.</source>
        <translation>已将 {tables} 张表共 {rows} 行迁移到 {server}；每张表都已核对行数。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_server.py" line="178"/>
        <source>The shop is on the server</source>
        <translation>本店已在服务器上</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_server.py" line="180"/>
        <source>{status} The old file is kept as {backup}. OrderApp closes now; open it again.</source>
        <translation>{status} 原文件已保留为 {backup}。OrderApp 现在关闭；请重新打开。</translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../ui/settings.ui" line="29"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="39"/>
        <source>The shop&apos;s details are printed on packing slips and summaries.</source>
        <translation>店铺信息会打印在装箱单和汇总上。</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="49"/>
        <source>Shop details</source>
        <translation>店铺信息</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="60"/>
        <source>Shop &amp;name</source>
        <translation>店铺名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="73"/>
        <source>As printed on slips, e.g. Lotus Tea House</source>
        <translation>与装箱单上印的一致，例如 莲花茶舍</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="96"/>
        <source>&amp;Address</source>
        <translation>地址(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="118"/>
        <source>Street, city and postcode, one line each</source>
        <translation>街道、城市和邮编，每项一行</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="138"/>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="151"/>
        <source>With area code, e.g. 021 6123 4567</source>
        <translation>带区号，例如 021 6123 4567</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="171"/>
        <source>&amp;Currency</source>
        <translation>货币(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="190"/>
        <source>The three-letter code of the shop&apos;s money, e.g. CNY</source>
        <translation>店铺货币的三字母代码，例如 CNY</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="210"/>
        <source>&amp;Time zone</source>
        <translation>时区(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="229"/>
        <source>Type part of a city to find it, e.g. Shanghai; the shop&apos;s days start at its midnight</source>
        <translation>输入部分城市名即可查找，例如 Shanghai；店铺的一天从当地午夜开始</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="249"/>
        <source>Phone &amp;region</source>
        <translation>电话区域(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="262"/>
        <source>Where numbers typed without a country code are from</source>
        <translation>不带国家代码的号码属于哪个国家/地区</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="282"/>
        <source>&amp;Logo</source>
        <translation>标志(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="315"/>
        <source>No logo</source>
        <translation>无标志</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="324"/>
        <source>Choos&amp;e…</source>
        <translation>选择(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="391"/>
        <source>&amp;Open folder</source>
        <translation>打开文件夹(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="327"/>
        <source>A PNG or JPEG image of at most 2 MB, printed on slips</source>
        <translation>PNG 或 JPEG 图片，最大 2 MB，打印在装箱单上</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="334"/>
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="372"/>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="394"/>
        <source>Show the folder that holds the shop&apos;s file and its backups</source>
        <translation>打开存放店铺文件及其备份的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="408"/>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="414"/>
        <source>How orders and packing work at every station of the shop.</source>
        <translation>店里每个工位上订单和打包的处理方式。</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="429"/>
        <source>Allow &amp;backorders: confirm orders that the stock does not cover</source>
        <translation>允许缺货下单(&amp;B)：库存不够也能确认订单</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="432"/>
        <source>On: confirming an order reserves what is on the shelf and marks the rest of each line as backordered. Off: an order the stock does not cover cannot be confirmed.</source>
        <translation>开启：确认订单时预留货架上已有的数量，每行不足的部分记为缺货待补。关闭：库存不够的订单无法确认。</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="452"/>
        <source>&amp;Duplicate check</source>
        <translation>重复订单检查(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="476"/>
        <source>e.g. 30</source>
        <translation>例如 30</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="482"/>
        <source>A new order for the same customer with the same items as one placed within this many minutes asks first whether it is a duplicate. 0 turns the check off.</source>
        <translation>同一客户在这么多分钟内下了商品相同的新订单时，会先询问是否重复。设为 0 即关闭检查。</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="489"/>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="518"/>
        <source>Type &amp;quantities from</source>
        <translation>输入数量(&amp;Q)：每行不少于</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="542"/>
        <source>e.g. 10</source>
        <translation>例如 10</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="548"/>
        <source>When packing, a line of at least this many units may have its quantity typed after one unit is scanned, instead of scanning every unit. 0 turns this off: every unit is scanned.</source>
        <translation>打包时，件数不少于此数的商品行，扫描一件后可直接输入数量，而不必逐件扫描。设为 0 即关闭：每件都要扫描。</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="555"/>
        <source>units on a line</source>
        <translation>件时</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="586"/>
        <source>Slip paper, prices on slips and the slip footer are set on the Reports screen.</source>
        <translation>装箱单纸张、装箱单上的价格和页脚在“报表”页面设置。</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="634"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../ui/settings.ui" line="644"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <location filename="../../orderapp/gui/settings_screen.py" line="247"/>
        <source>The order of the packing queue at every station; packers can change it there too.</source>
        <translation>每个打包台上打包队列的排列顺序；打包员也可以在打包台上更改。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_screen.py" line="248"/>
        <source>Packing queue order</source>
        <translation>打包队列顺序</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_screen.py" line="316"/>
        <source>The rules could not be read: {reason}</source>
        <translation>无法读取规则：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_screen.py" line="322"/>
        <source>The settings could not be read: {reason}</source>
        <translation>无法读取设置：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_screen.py" line="400"/>
        <source>Choose the shop&apos;s logo</source>
        <translation>选择店铺标志</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_screen.py" line="400"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>图片 (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_screen.py" line="411"/>
        <source>{file} cannot be read: {reason}</source>
        <translation>无法读取 {file}：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_screen.py" line="429"/>
        <source>No logo</source>
        <translation>无标志</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_screen.py" line="429"/>
        <source>Cannot show this image</source>
        <translation>无法显示此图片</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_screen.py" line="461"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_screen.py" line="487"/>
        <source>The settings were not saved: {reason}. Your changes are still here; try again.</source>
        <translation>设置未保存：{reason}。你的修改仍在这里；请重试。</translation>
    </message>
</context>
<context>
    <name>ShopPage</name>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="89"/>
        <source>Your shop</source>
        <translation>您的店铺</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="90"/>
        <source>Printed at the top of every slip. You can change it later in Settings.</source>
        <translation>印在每张装箱单的顶部。以后可以在&quot;设置&quot;中修改。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="101"/>
        <source>Shop name</source>
        <translation>店铺名称</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="103"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="104"/>
        <source>Phone numbers from</source>
        <translation>电话号码所属国家/地区</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="105"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <location filename="../../orderapp/gui/staff_dialogs.py" line="119"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_dialogs.py" line="120"/>
        <source>Choose your name and type your PIN, or scan your staff badge.</source>
        <translation>选择您的名字并输入 PIN，或扫描您的员工卡。</translation>
    </message>
</context>
<context>
    <name>StaffReportDialog</name>
    <message>
        <location filename="../../orderapp/gui/staff_report_dialog.py" line="35"/>
        <source>Staff report</source>
        <translation>员工报表</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_report_dialog.py" line="47"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_report_dialog.py" line="51"/>
        <source>Packer</source>
        <translation>打包员</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_report_dialog.py" line="52"/>
        <source>Orders packed</source>
        <translation>打包订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_report_dialog.py" line="53"/>
        <source>Items packed</source>
        <translation>打包件数</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_report_dialog.py" line="54"/>
        <source>Wrong items caught</source>
        <translation>拦下错件</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_report_dialog.py" line="55"/>
        <source>Overrides</source>
        <translation>强制打包</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_report_dialog.py" line="56"/>
        <source>Median time per order</source>
        <translation>每单用时中位数</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_report_dialog.py" line="67"/>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_report_dialog.py" line="69"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_report_dialog.py" line="86"/>
        <source>The last day is before the first; choose the days again.</source>
        <translation>最后一天早于第一天；请重新选择日期。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_report_dialog.py" line="100"/>
        <source>Nobody packed an order on these days.</source>
        <translation>这几天没有人打包订单。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_report_dialog.py" line="104"/>
        <source>The staff report could not be made: {reason}</source>
        <translation>无法生成员工报表：{reason}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_report_dialog.py" line="108"/>
        <source>Export the staff report</source>
        <translation>导出员工报表</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_report_dialog.py" line="118"/>
        <source>Written to {path}</source>
        <translation>已写入 {path}</translation>
    </message>
</context>
<context>
    <name>StaffSession</name>
    <message>
        <location filename="../../orderapp/gui/staff_session.py" line="64"/>
        <source>S&amp;witch user…</source>
        <translation>切换用户(&amp;W)…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_session.py" line="68"/>
        <source>Another person signs in at this PC ({key}), or scans their badge</source>
        <translation>换一个人在这台电脑上登录（{key}），或扫描其员工卡</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_session.py" line="72"/>
        <source>&amp;Audit log…</source>
        <translation>审计日志(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_session.py" line="75"/>
        <source>S&amp;taff report…</source>
        <translation>员工报表(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_session.py" line="145"/>
        <source>This PC was locked after a while without use. Sign in to go on.</source>
        <translation>这台电脑闲置一段时间后已锁定。请登录后继续。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_session.py" line="180"/>
        <source>Signed in: {name} ({role})</source>
        <translation>已登录：{name}（{role}）</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="326"/>
        <source>Ready</source>
        <translation>准备就绪</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="327"/>
        <source>How would you like to begin?</source>
        <translation>您想从哪里开始？</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="330"/>
        <source>Import my products from a spreadsheet (CSV)</source>
        <translation>从表格（CSV）导入我的商品</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="332"/>
        <source>Try the demo shop first (a separate shop full of examples; yours stays empty)</source>
        <translation>先试用示例店铺（另一个装满示例的店铺；您的店铺保持为空）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/first_run_wizard.py" line="335"/>
        <source>Start with an empty shop</source>
        <translation>从空店铺开始</translation>
    </message>
</context>
<context>
    <name>StockHistory</name>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="28"/>
        <source>Received</source>
        <translation>已入库</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="29"/>
        <source>Sold</source>
        <translation>已售出</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="30"/>
        <source>Shipped</source>
        <translation>已发货</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="31"/>
        <source>Reserved</source>
        <translation>预留</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="32"/>
        <source>Released</source>
        <translation>已释放</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="33"/>
        <source>Adjusted</source>
        <translation>已调整</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="34"/>
        <source>Counted</source>
        <translation>盘点</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/stock_history.py" line="35"/>
        <source>Returned</source>
        <translation>已退货</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="73"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="74"/>
        <source>&amp;Role</source>
        <translation>角色(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="75"/>
        <source>&amp;PIN (4-12 digits)</source>
        <translation>PIN(&amp;P)（4-12 位数字）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="76"/>
        <source>PIN &amp;again</source>
        <translation>再次输入 PIN(&amp;A)</translation>
    </message>
</context>
<context>
    <name>UsersGroup</name>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="95"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="102"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="102"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="102"/>
        <source>Active</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="102"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="102"/>
        <source>Last sign-in</source>
        <translation>上次登录</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="116"/>
        <source>Set role</source>
        <translation>设置角色</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="120"/>
        <location filename="../../orderapp/gui/settings_users.py" line="198"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="110"/>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="118"/>
        <source>Set P&amp;IN…</source>
        <translation>设置 PIN(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="122"/>
        <source>Print badges…</source>
        <translation>打印员工卡…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="124"/>
        <source>Scanning a badge at the sign-in switches to its person</source>
        <translation>在登录时扫描员工卡即切换到该员工</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="133"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="134"/>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="138"/>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="146"/>
        <source>Lock a PC after this long without use</source>
        <translation>电脑闲置多久后锁定</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="147"/>
        <source>Stock adjustments above this many units need the owner</source>
        <translation>库存调整超过此数量需要店主</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="179"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="179"/>
        <source>removed</source>
        <translation>已移除</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="180"/>
        <source>set</source>
        <translation>已设置</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="180"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="198"/>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="220"/>
        <source>Add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="229"/>
        <source>A new PIN for {name}</source>
        <translation>为 {name} 设置新 PIN</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="237"/>
        <source>The two PINs differ; type the same PIN twice.</source>
        <translation>两次输入的 PIN 不一致；请输入两次相同的 PIN。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/settings_users.py" line="283"/>
        <source>Staff badges</source>
        <translation>员工卡</translation>
    </message>
</context>
<context>
    <name>_CameraWorker</name>
    <message>
        <location filename="../../orderapp/gui/camera_worker.py" line="95"/>
        <source>The camera stopped because of an unexpected error (see the log).</source>
        <translation>摄像头因意外错误而停止（见日志）。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/camera_worker.py" line="137"/>
        <source>The camera stopped sending pictures. Check its cable: scanning starts again by itself when it is back. Meanwhile a USB scanner or typing the code works.</source>
        <translation>摄像头不再传来画面。请检查连接线：恢复后会自动继续扫描。在此期间可以用 USB 扫码枪或手动输入代码。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/camera_worker.py" line="142"/>
        <source>The video has ended.</source>
        <translation>视频已结束。</translation>
    </message>
</context>
<context>
    <name>_PinForm</name>
    <message>
        <location filename="../../orderapp/gui/staff_dialogs.py" line="50"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_dialogs.py" line="54"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_dialogs.py" line="55"/>
        <source>PIN, or scan your staff badge</source>
        <translation>PIN，或扫描员工卡</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_dialogs.py" line="62"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_dialogs.py" line="63"/>
        <source>&amp;PIN</source>
        <translation>PIN(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_dialogs.py" line="65"/>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/staff_dialogs.py" line="94"/>
        <source>Badge read: now type the PIN for {name}.</source>
        <translation>已读取员工卡：请输入 {name} 的 PIN。</translation>
    </message>
</context>
<context>
    <name>backup_restore</name>
    <message>
        <location filename="../../orderapp/gui/backup_restore.py" line="65"/>
        <source>not checked (made by an older version)</source>
        <translation>未检查（由旧版本制作）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/backup_restore.py" line="66"/>
        <source>no orders</source>
        <translation>无订单</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/backup_restore.py" line="89"/>
        <source>Restore this backup?</source>
        <translation>恢复这份备份？</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/backup_restore.py" line="95"/>
        <source>The shop there now is not deleted: it is kept aside, renamed, beside it.</source>
        <translation>现在的店铺文件不会被删除：它会被改名后保留在旁边。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/backup_restore.py" line="96"/>
        <source>&amp;Restore</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/backup_restore.py" line="210"/>
        <source>OrderApp – the shop is damaged</source>
        <translation>OrderApp – 店铺文件已损坏</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/backup_restore.py" line="225"/>
        <source>&amp;Close OrderApp</source>
        <translation>关闭 OrderApp(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/backup_restore.py" line="67"/>
        <source>{name} · {orders} orders · last order {last}</source>
        <translation>{name} · {orders} 个订单 · 最后订单 {last}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/backup_restore.py" line="74"/>
        <source>{taken}   {what}   {file}</source>
        <translation>{taken}   {what}   {file}</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/backup_restore.py" line="82"/>
        <source>Checking the backup…</source>
        <translation>正在检查备份…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/backup_restore.py" line="148"/>
        <source>Restored the backup {file}; the replaced shop was kept as {kept}.</source>
        <translation>已恢复备份 {file}；被替换的店铺保留为 {kept}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/backup_restore.py" line="219"/>
        <source>&amp;Restore the backup</source>
        <translation>恢复备份(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/backup_restore.py" line="223"/>
        <source>Nothing more is saved to it, and there is no good backup of it. Close OrderApp and get help.</source>
        <translation>不会再向它保存任何内容，而且没有它的完好备份。请关闭 OrderApp 并寻求帮助。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/backup_restore.py" line="68"/>
        <source>(no shop name)</source>
        <translation>（无店名）</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/backup_restore.py" line="84"/>
        <source>OrderApp – restore</source>
        <translation>OrderApp – 恢复</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/backup_restore.py" line="91"/>
        <source>The backup {file} holds:

{what}

It will replace the shop at {where}.</source>
        <translation>备份 {file} 包含：

{what}

它将替换 {where} 的店铺。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/backup_restore.py" line="147"/>
        <source>Restored the backup {file}.</source>
        <translation>已恢复备份 {file}。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/backup_restore.py" line="215"/>
        <source>Nothing more is saved to it. Restore the latest good backup, from {taken}?
{what}</source>
        <translation>不会再向它保存任何内容。要恢复 {taken} 的最新完好备份吗？
{what}</translation>
    </message>
</context>
<context>
    <name>open_shop</name>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="318"/>
        <source>The shop&apos;s database could not be opened ({reason}). The details are in the log file.</source>
        <translation>无法打开店铺数据库（{reason}）。详细信息在日志文件中。</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="344"/>
        <source>OrderApp – restore failed</source>
        <translation>OrderApp – 恢复失败</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="341"/>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/database_dialog.py" line="310"/>
        <source>Opening the shop…</source>
        <translation>正在打开店铺…</translation>
    </message>
</context>
<context>
    <name>run_app</name>
    <message>
        <location filename="../../orderapp/gui/app.py" line="121"/>
        <source>Making the demo shop…</source>
        <translation>正在创建演示店铺…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/app.py" line="123"/>
        <location filename="../../orderapp/gui/app.py" line="154"/>
        <source>OrderApp demo</source>
        <translation>OrderApp 演示</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/app.py" line="132"/>
        <source>Making the demo shop: {phase}…</source>
        <translation>正在创建演示店铺：{phase}…</translation>
    </message>
    <message>
        <location filename="../../orderapp/gui/app.py" line="155"/>
        <source>The demo shop could not be made: {reason}. It opens empty instead.</source>
        <translation>无法创建演示店铺：{reason}。将以空店铺打开。</translation>
    </message>
</context>
</TS>
